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
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's unarchive with bsdtar, FreeBSD's tar (usr.bin/tar over libarchive): tar, gzip/bzip2/xz/zstd tars and
 * zip. The archive is on the host ({@code remote_src}) or on the controller: then its bytes travel with the probe
 * and the step in the script itself (base64 through b64decode), so nothing is left on the host but what it unpacks.
 *
 * <p>Whether it is already unpacked is decided as TgzArchive.is_unarchived does with GNU tar's --diff: an entry is
 * missing, or differs in type, mode (unless {@code mode} is given), owner or group (as root, unless given), or a
 * regular file's mtime. The listing of both sides is bsdtar's own mtree output: of the archive
 * ({@code tar -cf - --format=mtree @ARCHIVE}) and of the same names under dest ({@code -n -T -}).
 */
public final class UnarchiveModule implements Module {
    private static final String EOF = "JPROV_ARCHIVE_EOF";

    @Override
    public List<String> names() {
        return List.of("unarchive", "ansible.builtin.unarchive");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String src = args.string("src").orElseThrow(() -> args.missing("src"));
        String dest = args.string("dest").orElseThrow(() -> args.missing("dest"));
        Optional<Boolean> copy = args.bool("copy");
        boolean remote = args.bool("remote_src").orElse(copy.map(c -> !c).orElse(false));
        Optional<String> creates = args.string("creates").filter(s -> !s.isEmpty());
        boolean listFiles = args.bool("list_files", false);
        boolean keepNewer = args.bool("keep_newer", false);
        List<String> exclude = args.list("exclude");
        List<String> include = args.list("include");
        List<String> extraOpts = args.list("extra_opts");
        args.integer("io_buffer_size");
        args.bool("decrypt");
        args.bool("validate_certs");
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (!exclude.isEmpty() && !include.isEmpty()) {
            throw new ArgsException("parameters are mutually exclusive: include|exclude");
        }
        if (src.contains("://")) {
            throw new ArgsException("src: a URL is not unpacked by jprov's unarchive; download it with get_url first");
        }
        Optional<byte[]> bytes = Optional.empty();
        String shown = src;
        if (!remote) {
            Path local = context.findLocalFile("files", src);
            bytes = Optional.of(context.readLocalFile(local, true));
            shown = local.toString();
        }
        return new Unarchive(src, shown, dest, bytes, creates, listFiles, keepNewer, exclude, include, extraOpts,
                attributes).invocation();
    }

    private record Unarchive(String src, String shownSrc, String dest, Optional<byte[]> bytes,
                             Optional<String> creates, boolean listFiles, boolean keepNewer, List<String> exclude,
                             List<String> include, List<String> extraOpts, FileAttributes attributes) {

        /** Shell text that writes the archive to stdout. */
        private String archive() {
            if (bytes.isEmpty()) return ShellScript.fill("cat -- {}", src) + "\n";
            String b64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes.get());
            return "b64decode -r <<'" + EOF + "'\n" + b64 + "\n" + EOF + "\n";
        }

        private String source() {
            return bytes.isPresent() ? "-" : ShellScript.quote(src);
        }

        Invocation invocation() {
            ShellScript s = ShellScript.create().raw("(LC_ALL=C; export LC_ALL");
            creates.ifPresent(c -> s.line("if [ -e {} ]; then echo @creates; exit 0; fi", c));
            if (bytes.isEmpty()) {
                s.line("if [ ! -e {} ]; then echo @nosrc; exit 0; fi", src)
                        .line("if [ ! -s {} ]; then echo @empty; exit 0; fi", src);
            }
            s.line("if [ ! -d {} ]; then echo @nodest; exit 0; fi", dest)
                    .raw("echo \"@uid $(id -u)\"");
            if (bytes.isEmpty()) s.line("echo \"@magic $(od -An -tx1 -N6 {} | tr -d ' \\n')\"", src);
            s.raw("echo @list").raw("archive() {\n" + archive() + "}")
                    .raw("archive | tar -tf " + "- || echo @badarchive")
                    .raw("echo @archive")
                    .raw("archive | tar -cf - --format=mtree @- 2>/dev/null")
                    .raw("echo @dest")
                    .line("archive | tar -tf - 2>/dev/null | (cd {} && tar -cf - --format=mtree -n -T - 2>/dev/null)",
                            dest)
                    .raw("echo @end)");
            // it reads the archive on the host and creates too: a download queued before it makes it stale
            List<Resource> reads = new ArrayList<>(List.of(Resource.path(dest)));
            if (bytes.isEmpty()) reads.add(Resource.path(src));
            creates.ifPresent(c -> reads.add(Resource.path(c)));
            Probe.Shell listing = new Probe.Shell(s.text(), reads);
            Probe.FileInfo destInfo = new Probe.FileInfo(dest, false, true);
            return new Invocation() {
                @Override
                public List<Probe> probes() {
                    return List.of(listing, destInfo);
                }

                @Override
                public Planned plan(Facts facts) {
                    return planFrom(facts.get(listing), facts.get(destInfo));
                }
            };
        }

        private Planned planFrom(ProbeAnswer answer, FileFacts destFacts) {
            Map<String, String> sections = sections(answer.stdout());
            if (sections.containsKey("creates")) return Planned.skipped("skipped, since " + creates.get() + " exists");
            if (sections.containsKey("nosrc")) return Planned.failed("Source '" + src + "' does not exist", Map.of());
            if (sections.containsKey("empty")) {
                return Planned.failed("Invalid archive '" + src + "', the file is 0 bytes", Map.of());
            }
            if (sections.containsKey("nodest")) {
                return Planned.failed("Destination '" + dest + "' is not a directory", Map.of());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dest", dest);
            r.put("src", shownSrc);
            if (sections.containsKey("badarchive") || !sections.containsKey("end")) {
                return Planned.failed("Failed to find handler for \"" + shownSrc + "\". Make sure the required command"
                        + " to extract the file is installed.", r);
            }
            r.put("handler", handler(sections.getOrDefault("magic", magic())));
            List<String> files = selected(sections.get("list"));
            ArchiveListing archive = ArchiveListing.parse(sections.get("archive"));
            ArchiveListing there = ArchiveListing.parse(sections.get("dest"));
            boolean root = sections.getOrDefault("uid", "0").strip().equals("0");
            List<String> differs = new ArrayList<>();
            for (String f : files) {
                ArchiveListing.Entry a = archive.entries().get(ArchiveListing.normalise(f));
                if (a == null) continue;
                ArchiveListing.Entry d = there.entries().get(a.name());
                String why = difference(a, d, root);
                if (why != null) differs.add(a.name() + ": " + why);
            }
            r.putAll(GetUrlModule.pathInfo(destFacts));
            r.put("state", "directory");
            if (listFiles) r.put("files", files);
            List<Step> steps = new ArrayList<>();
            List<String> words = extractWords(files);
            String cmd = String.join(" ", words.stream().map(w -> w.equals("-") ? w : ShellScript.quote(w)).toList());
            if (!differs.isEmpty()) steps.add(new Step.Exec(ShellScript.create().raw("(archive() {\n" + archive()
                    + "}").raw("archive | LC_ALL=C " + cmd + "; echo \"@rc $?\")").text(), "tar -x " + shownSrc + " -C " + dest,
                    true));
            List<String> targets = attributeTargets(files, there, differs.isEmpty());
            if (!attributes.isEmpty() && !targets.isEmpty()) {
                ShellScript a = ShellScript.create();
                for (String t : targets) {
                    a.line("p={}", join(dest, t));
                    for (String line : attributes.shellForVariable("p")) a.raw(line + " || exit 1");
                }
                steps.add(new Step.Exec(a.text(), "set mode/owner/group of " + targets.size() + " paths under " + dest,
                        false));
            }
            if (steps.isEmpty()) return Planned.of(List.of(Change.none(dest)), r);
            Diff diff = Diff.of(dest, "", differs.isEmpty() ? "" : String.join("\n", differs) + "\n");
            Change change = new Change(Action.UPDATE, dest, diff, steps, List.of(Resource.path(dest)));
            // extract_results.cmd as Ansible's: the argument list, naming the archive it read
            List<String> shownCmd = new ArrayList<>(words);
            shownCmd.set(0, "/usr/bin/tar");
            shownCmd.set(2, shownSrc);
            return Planned.of(List.of(change), r).withAfterApply(
                    (planned, results) -> extracted(planned, results, List.copyOf(shownCmd), !differs.isEmpty()));
        }

        /** What differs between an archive entry and dest, as gtar --diff lines Ansible heeds; null when alike. */
        private String difference(ArchiveListing.Entry a, ArchiveListing.Entry d, boolean root) {
            if (d == null) return "missing";
            if (!a.type().equals(d.type())) return "type differs";
            if (a.type().equals("link")) return null;
            if (attributes.mode().isEmpty() && (a.mode() & 07777) != (d.mode() & 07777)) return "mode differs";
            if (root && attributes.owner().isEmpty() && a.uid() != d.uid()) return "uid differs";
            if (root && attributes.group().isEmpty() && a.gid() != d.gid()) return "gid differs";
            if (a.type().equals("file") && a.mtime() != d.mtime() && !(keepNewer && d.mtime() > a.mtime())) {
                return "mod time differs";
            }
            return null;
        }

        /** The paths whose attributes the task sets: every entry and each top folder, as unarchive.py's loop. */
        private List<String> attributeTargets(List<String> files, ArchiveListing there, boolean onlyDiffering) {
            Set<String> paths = new LinkedHashSet<>();
            for (String f : files) {
                String n = ArchiveListing.normalise(f);
                if (n.isEmpty()) continue;
                paths.add(n);
                if (n.contains("/")) paths.add(n.substring(0, n.indexOf('/')));
            }
            if (!onlyDiffering) return List.copyOf(paths);
            List<String> out = new ArrayList<>();
            for (String p : paths) {
                ArchiveListing.Entry d = there.entries().get(p);
                if (d == null || attributesDiffer(d)) out.add(p);
            }
            return out;
        }

        private boolean attributesDiffer(ArchiveListing.Entry d) {
            if (attributes.owner().isPresent() && !same(attributes.owner().get(), d.uid(), d.uname())) return true;
            if (attributes.group().isPresent() && !same(attributes.group().get(), d.gid(), d.gname())) return true;
            if (attributes.mode().isPresent() && !d.type().equals("link")) {
                int want = attributes.mode().get().resolve(d.mode() & 07777, d.type().equals("dir"));
                return want != (d.mode() & 07777);
            }
            return false;
        }

        private static boolean same(String wanted, int id, String name) {
            return wanted.chars().allMatch(Character::isDigit) ? Integer.parseInt(wanted) == id : wanted.equals(name);
        }

        /** The archive's names that the task unpacks: include/exclude as bsdtar matches its patterns. */
        private List<String> selected(String list) {
            List<String> out = new ArrayList<>();
            for (String name : list.split("\n")) {
                if (name.isEmpty()) continue;
                if (!include.isEmpty() && include.stream().noneMatch(p -> matches(p, name))) continue;
                if (exclude.stream().anyMatch(p -> matches(p, name))) continue;
                out.add(name);
            }
            return out;
        }

        /** bsdtar's pathmatch: a shell pattern over the whole name or a leading directory of it. */
        static boolean matches(String pattern, String name) {
            StringBuilder re = new StringBuilder();
            for (char c : ArchiveListing.normalise(pattern).toCharArray()) {
                switch (c) {
                    case '*' -> re.append(".*");
                    case '?' -> re.append('.');
                    case '[', ']' -> re.append(c);
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re + "(/.*)?").matcher(ArchiveListing.normalise(name)).matches();
        }

        private List<String> extractWords(List<String> files) {
            List<String> words = new ArrayList<>(List.of("tar", "-xf", "-", "-C", dest));
            words.addAll(extraOpts);
            if (keepNewer) words.add("--keep-newer-files");
            for (String e : exclude) words.add("--exclude=" + e);
            if (!include.isEmpty()) words.addAll(files);
            return words;
        }

        private String magic() {
            byte[] b = bytes.orElse(new byte[0]);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(6, b.length); i++) hex.append(String.format("%02x", b[i] & 0xff));
            return hex.toString();
        }

        private static String handler(String magic) {
            String m = magic.strip();
            if (m.startsWith("504b0304") || m.startsWith("504b0506")) return "ZipArchive";
            if (m.startsWith("1f8b")) return "TgzArchive";
            if (m.startsWith("425a68")) return "TarBzipArchive";
            if (m.startsWith("fd377a585a00")) return "TarXzArchive";
            if (m.startsWith("28b52ffd")) return "TarZstdArchive";
            return "TarArchive";
        }

        private static Map<String, Object> extracted(Map<String, Object> planned, List<StepResult> results,
                                                     List<String> cmd, boolean extracting) {
            Map<String, Object> r = new LinkedHashMap<>(planned);
            if (!extracting || results.isEmpty()) return r;
            StepResult x = results.get(0);
            String out = x.stdout();
            int at = out.lastIndexOf("@rc ");
            int rc = at >= 0 ? Integer.parseInt(out.substring(at + 4).strip()) : x.exitCode();
            Map<String, Object> er = new LinkedHashMap<>();
            er.put("cmd", cmd);
            er.put("err", x.stderr());
            er.put("out", at >= 0 ? out.substring(0, at) : out);
            er.put("rc", rc);
            r.put("extract_results", er);
            if (rc != 0) {
                r.put("failed", true);
                r.put("msg", "failed to unpack " + planned.get("src") + " to " + planned.get("dest"));
            }
            return r;
        }
    }

    /** The probe's sections: "@name rest" starts one; its lines follow. */
    private static Map<String, String> sections(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("@") && line.matches("@[a-z]+( .*)?")) {
                if (current != null) m.put(current, body.toString());
                int sp = line.indexOf(' ');
                current = sp < 0 ? line.substring(1) : line.substring(1, sp);
                body = new StringBuilder(sp < 0 ? "" : line.substring(sp + 1));
                continue;
            }
            if (current != null) body.append(line).append('\n');
        }
        if (current != null) m.put(current, body.toString());
        return m;
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
