package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's get_url with FreeBSD's fetch(1) on the host (or in the jail): the file is fetched into a temp file
 * beside {@code dest} (or in {@code tmp_dest}), checked against {@code checksum}, given its mode and owner, and
 * renamed over dest, so a partial or wrong download never lands there.
 *
 * <p>Idempotence as get_url.py's: an existing dest whose digest matches {@code checksum} is not fetched again
 * ("file already exists"). Without checksum and without {@code force}, jprov takes an existing dest as it is
 * (get_url.py would ask the server with If-Modified-Since and replace the file when the server sends other bytes):
 * so the plan is known from the host alone and check mode says exactly what the run does. Credentials reach fetch
 * the ways libfetch reads them, never on its argv: HTTP_AUTH in its environment (the script travels on the
 * connection's stdin). fetch sends no other headers than User-Agent and Referer, so other {@code headers} are
 * refused.
 */
public final class GetUrlModule implements Module {

    @Override
    public List<String> names() {
        return List.of("get_url", "ansible.builtin.get_url");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String url = args.string("url").orElseThrow(() -> args.missing("url"));
        String dest = args.string("dest").orElseThrow(() -> args.missing("dest"));
        boolean backup = args.bool("backup", false);
        boolean force = args.bool("force", false);
        long timeout = args.integer("timeout").orElse(10L);
        Optional<String> tmpDest = args.string("tmp_dest").filter(s -> !s.isEmpty());
        Optional<String> user = args.stringAliased("url_username", "username").filter(s -> !s.isEmpty());
        Optional<String> password = args.stringAliased("url_password", "password");
        boolean validateCerts = args.bool("validate_certs", true);
        String agent = args.string("http_agent", "ansible-httpget");
        boolean useProxy = args.bool("use_proxy", true);
        args.bool("force_basic_auth"); // libfetch sends the credentials it has at once
        args.bool("use_netrc");        // libfetch reads ~/.netrc as Python's urllib does
        args.bool("decompress");       // fetch asks for no Content-Encoding, so there is nothing to undo
        Map<String, Object> headers = args.map("headers");
        refuse(args, "client_cert", "client_key", "ciphers", "unredirected_headers");
        if (args.bool("use_gssapi", false)) throw new ArgsException("use_gssapi: fetch(1) has no GSSAPI");
        FileAttributes attributes = FileAttributes.read(args);
        Optional<UrlChecksum> checksum = UrlChecksum.parse(args.string("checksum", ""));
        args.finish();
        if (timeout <= 0) throw new ArgsException("timeout must be a positive number of seconds, got " + timeout);
        if (!url.matches("(?i)(https?|ftp|file)://.+")) {
            throw new ArgsException("url: fetch(1) fetches http, https, ftp and file URLs, got '" + url + "'");
        }
        Fetch fetch = new Fetch(timeout, validateCerts, useProxy, credentials(url, user, password),
                userAgent(headers, agent), header(headers, "referer"));
        String filename = urlFilename(url);
        GetUrl task = new GetUrl(url, dest, filename, force, backup ? Optional.of(context.backupSuffix())
                : Optional.empty(), tmpDest, attributes, checksum, fetch);
        return task.invocation();
    }

    private static void refuse(Args args, String... names) {
        for (String name : names) {
            Optional<Object> v = args.value(name);
            if (v.isPresent() && v.get() != null && !(v.get() instanceof List<?> l && l.isEmpty())
                    && !"".equals(v.get())) {
                throw new ArgsException(name + ": not supported with FreeBSD's fetch(1)");
            }
        }
    }

    /** The credentials for libfetch's HTTP_AUTH: url_username/url_password, else none (userinfo stays in the URL). */
    private static Optional<String> credentials(String url, Optional<String> user, Optional<String> password) {
        if (user.isEmpty()) return Optional.empty();
        return Optional.of(user.get() + ":" + password.orElse(""));
    }

    private static String userAgent(Map<String, Object> headers, String agent) {
        return header(headers, "user-agent").orElse(agent);
    }

    /** A header fetch can send; any other one is refused, naming it. */
    private static Optional<String> header(Map<String, Object> headers, String wanted) {
        Optional<String> found = Optional.empty();
        for (Map.Entry<String, Object> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("user-agent") && !name.equals("referer")) {
                throw new ArgsException("headers: fetch(1) sends only User-Agent and Referer, not '" + h.getKey()
                        + "'");
            }
            if (name.equals(wanted)) found = Optional.of(String.valueOf(h.getValue()));
        }
        return found;
    }

    /** get_url.py's url_filename: the last part of the URL's path, "index.html" when empty. */
    static String urlFilename(String url) {
        String path;
        try {
            path = URI.create(url.replace(" ", "%20")).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "").replaceFirst("[?#].*", "");
        }
        if (path == null) path = "";
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index.html" : name;
    }

    /** How fetch is called: its options and environment. */
    record Fetch(long timeout, boolean validateCerts, boolean useProxy, Optional<String> credentials,
                 String userAgent, Optional<String> referer) {

        /** The fetch command line (environment first) writing URL to the file named by shell variable {@code var}. */
        String command(String url, String var) {
            List<String> env = new ArrayList<>();
            env.add("HTTP_USER_AGENT=" + ShellScript.quote(userAgent));
            credentials.ifPresent(c -> env.add("HTTP_AUTH=" + ShellScript.quote("basic:*:" + c)));
            if (!useProxy) env.add("HTTP_PROXY= HTTPS_PROXY= FTP_PROXY= http_proxy= https_proxy=");
            StringBuilder s = new StringBuilder(String.join(" ", env)).append(" fetch -q -T ").append(timeout);
            if (!validateCerts) s.append(" --no-verify-peer");
            referer.ifPresent(r -> s.append(" --referer=").append(ShellScript.quote(r)));
            return s.append(" -o \"$").append(var).append("\" ").append(ShellScript.quote(url)).toString();
        }
    }

    private record GetUrl(String url, String dest, String filename, boolean force, Optional<String> backupSuffix,
                          Optional<String> tmpDest, FileAttributes attributes, Optional<UrlChecksum> checksum,
                          Fetch fetch) {

        Invocation invocation() {
            Probe.FileInfo destInfo = new Probe.FileInfo(dest, false, true);
            Probe.FileInfo inDir = new Probe.FileInfo(join(dest, filename), false, true);
            Optional<Probe.Shell> digests = checksum.map(c -> new Probe.Shell(ShellScript.create()
                    .line("for f in {} {}; do if [ -f \"$f\" ]; then printf '%s ' \"$f\"; {} -q -- \"$f\"; fi; done",
                            dest, join(dest, filename), c.algorithm())
                    .text(), List.of(Resource.path(dest))));
            Optional<Probe.Shell> checksumFile = checksum.flatMap(UrlChecksum::url).map(u -> new Probe.Shell(
                    fetch.command(u, "out").replace("-o \"$out\"", "-o -") + " 2>&1", List.of()));
            List<Probe> probes = new ArrayList<>(List.of(destInfo, inDir));
            digests.ifPresent(probes::add);
            checksumFile.ifPresent(probes::add);
            return new Invocation() {
                @Override
                public List<Probe> probes() {
                    return probes;
                }

                @Override
                public Planned plan(Facts facts) {
                    FileFacts at = facts.get(destInfo);
                    boolean isDir = at.type() == FileFacts.Type.DIRECTORY;
                    FileFacts target = isDir ? facts.get(inDir) : at;
                    Optional<String> wanted;
                    if (checksumFile.isPresent()) {
                        ProbeAnswer a = facts.get(checksumFile.get());
                        if (a.exitCode() != 0) {
                            FetchError e = FetchError.of(a.stdout());
                            Map<String, Object> r = base(dest);
                            r.put("status_code", e.status());
                            r.put("response", e.response());
                            return Planned.failed(e.message(), r);
                        }
                        wanted = UrlChecksum.pick(a.stdout(), filename);
                        if (wanted.isEmpty()) {
                            return Planned.failed("Unable to find a checksum for file '" + filename + "' in '"
                                    + checksum.get().url().get() + "'", Map.of());
                        }
                        wanted = Optional.of(UrlChecksum.normalized(wanted.get()));
                    } else {
                        wanted = checksum.flatMap(UrlChecksum::digest);
                    }
                    Optional<String> have = digests.flatMap(p -> digestOf(facts.get(p).stdout(), target.path()));
                    return planFor(target, wanted, have);
                }
            };
        }

        private Planned planFor(FileFacts target, Optional<String> wanted, Optional<String> have) {
            String path = target.path();
            boolean exists = target.type() == FileFacts.Type.FILE;
            boolean matches = exists && wanted.isPresent() && wanted.equals(have);
            if (exists && !force && (matches || wanted.isEmpty())) {
                FileAttributes.Delta delta = attributes.delta(target);
                Map<String, Object> r = base(path);
                r.put("msg", delta.isEmpty() ? "file already exists" : "file already exists but file attributes changed");
                r.putAll(pathInfo(target));
                if (delta.isEmpty()) return Planned.of(List.of(Change.none(path)), r);
                Change change = new Change(Action.UPDATE, path, Diff.NONE, delta.steps(),
                        List.of(Resource.path(path)));
                return Planned.of(List.of(change), r);
            }
            if (target.exists() && !exists) {
                return Planned.failed("Destination " + path + " is not a regular file", base(path));
            }
            Map<String, Object> r = base(path);
            GetUrlDownload download = new GetUrlDownload(url, path, target, tmpDest, attributes, backupSuffix,
                    checksum.map(UrlChecksum::algorithm), wanted, fetch);
            Change change = new Change(exists ? Action.UPDATE : Action.CREATE, path, Diff.NONE,
                    List.of(download.step()), List.of(Resource.path(path)));
            return Planned.of(List.of(change), r).withAfterApply(download::result);
        }

        private Map<String, Object> base(String path) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("checksum_dest", null);
            r.put("checksum_src", null);
            r.put("dest", path);
            r.put("elapsed", 0);
            r.put("url", url);
            return r;
        }
    }

    /** What exit_json adds for an existing dest (AnsibleModule.add_path_info). */
    static Map<String, Object> pathInfo(FileFacts f) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("gid", f.gid());
        r.put("group", f.group());
        r.put("mode", f.mode());
        r.put("owner", f.owner());
        r.put("size", f.size());
        r.put("state", "file");
        r.put("uid", f.uid());
        return r;
    }

    /** The digest the probe printed for {@code path} ("PATH DIGEST" lines). */
    private static Optional<String> digestOf(String out, String path) {
        for (String line : out.split("\n")) {
            if (line.startsWith(path + " ")) return Optional.of(line.substring(path.length() + 1).strip());
        }
        return Optional.empty();
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
