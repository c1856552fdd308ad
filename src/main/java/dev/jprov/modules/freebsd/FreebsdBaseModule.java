package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
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
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bootstraps a FreeBSD userland into a root directory (a jail's path) from a release mirror: MANIFEST, then each
 * distribution set into a cache on the host (kept when its sha256 already matches MANIFEST), every set checked
 * against MANIFEST before anything is extracted (a missing MANIFEST, a set it does not list or a mismatch stops
 * the task), {@code tar -xpf}, resolv.conf and localtime copied, and a marker DEST/var/db/jprov-base recording
 * release, arch, sets and their sha256. A root already at the release (marker, or bin/freebsd-version for roots
 * made by hand) only gets the sets it lacks: base is never extracted again over a patched userland.
 */
public final class FreebsdBaseModule implements Module {
    static final String NAME = "freebsd_base";
    static final String MARKER = "/var/db/jprov-base";
    private static final Pattern RELEASE =
            Pattern.compile("[0-9]+\\.[0-9]+-(RELEASE|STABLE|CURRENT|PRERELEASE|(ALPHA|BETA|RC)[0-9]+)");
    private static final Pattern ARCH = Pattern.compile("[a-z0-9_]+(/[a-z0-9_]+)?");
    private static final Pattern SET = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern MIRROR = Pattern.compile("(https?|ftp|file)://[^\\s'\"]+");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.freebsd_base");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String mirror = args.string("mirror", "https://download.freebsd.org/releases");
        String release = args.requireString("release");
        String arch = args.string("arch", "amd64");
        List<String> rawSets = args.has("sets") ? args.list("sets") : List.of("base");
        String dest = args.requireString("dest", "root", "path");
        Optional<String> cache = args.string("cache_dir");
        boolean resolv = args.bool("copy_resolv_conf", true);
        boolean localtime = args.bool("copy_localtime", true);
        Optional<String> pin = args.string("manifest_sha256").map(s -> s.toLowerCase(Locale.ROOT));
        args.finish();
        if (!MIRROR.matcher(mirror).matches()) throw new ArgsException(NAME + ": mirror must be an http(s)/ftp/file URL, got: " + mirror);
        if (!RELEASE.matcher(release).matches()) {
            throw new ArgsException(NAME + ": release must look like 14.2-RELEASE, got: " + release);
        }
        if (!ARCH.matcher(arch).matches()) throw new ArgsException(NAME + ": arch must look like amd64 or arm64/aarch64");
        String dir = arch.equals("arm64") ? "arm64/aarch64" : arch;
        List<String> sets = new ArrayList<>();
        for (String s : rawSets) {
            String name = s.endsWith(".txz") ? s.substring(0, s.length() - 4) : s;
            if (!SET.matcher(name).matches()) throw new ArgsException(NAME + ": '" + s + "' is not a distribution set name");
            if (!sets.contains(name)) sets.add(name);
        }
        if (sets.isEmpty()) throw new ArgsException(NAME + ": sets must not be empty");
        if (!dest.startsWith("/") || dest.replaceAll("/+$", "").isEmpty() || dest.contains("/../")
                || dest.endsWith("/..") || dest.indexOf('\n') >= 0) {
            throw new ArgsException(NAME + ": dest must be an absolute directory other than /, got: " + dest);
        }
        String root = dest.replaceAll("/+$", "");
        String cacheDir = cache.orElse("/var/cache/jprov/freebsd/" + release + "/" + dir.replace('/', '-'));
        if (!cacheDir.startsWith("/") || cacheDir.indexOf('\n') >= 0) throw new ArgsException(NAME + ": cache_dir must be absolute");
        if (pin.isPresent() && !SHA.matcher(pin.get()).matches()) {
            throw new ArgsException(NAME + ": manifest_sha256 must be 64 hex digits");
        }
        String base = mirror.replaceAll("/+$", "") + "/" + dir + "/" + release + "/";
        return new Plan(base, release, arch, sets, root, cacheDir, resolv, localtime, pin);
    }

    record Plan(String url, String release, String arch, List<String> sets, String dest, String cache,
                boolean resolv, boolean localtime, Optional<String> pin) implements Invocation {

        Probe.Shell probe() {
            String script = ShellScript.fill("(d={}; c={}; ", dest, cache)
                    + "if [ -f \"$d" + MARKER + "\" ]; then echo '== marker'; cat \"$d" + MARKER + "\"; fi; "
                    + "if [ -f \"$d/bin/freebsd-version\" ]; then echo '== version'; "
                    + "sed -n 's/^USERLAND_VERSION=\"\\{0,1\\}\\([^\"]*\\)\"\\{0,1\\}$/\\1/p' \"$d/bin/freebsd-version\"; fi; "
                    + "echo '== files'; for f in etc/resolv.conf etc/localtime; do "
                    + "if [ -e \"$d/$f\" ]; then echo \"$f\"; fi; if [ -e \"/$f\" ]; then echo \"host:$f\"; fi; done; "
                    + "echo '== cache'; for f in MANIFEST " + String.join(" ", sets.stream().map(s -> s + ".txz").toList())
                    + "; do if [ -f \"$c/$f\" ]; then echo \"$f\"; fi; done)";
            return new Probe.Shell(script, List.of(Resource.path(dest), Resource.path(cache)));
        }

        @Override
        public List<Probe> probes() {
            return List.of(probe());
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("release", release);
            result.put("arch", arch);
            result.put("sets", sets);
            result.put("dest", dest);
            result.put("cache_dir", cache);
            ProbeAnswer a = facts.get(probe());
            if (!a.ok()) return Planned.failed("cannot inspect " + dest + ": " + a.stderr().strip(), result);
            Map<String, List<String>> sections = sections(a.stdout());
            Map<String, String> marker = new LinkedHashMap<>();
            for (String l : sections.getOrDefault("marker", List.of())) {
                int eq = l.indexOf('=');
                if (eq > 0) marker.put(l.substring(0, eq), l.substring(eq + 1));
            }
            Optional<String> version = sections.getOrDefault("version", List.of()).stream().findFirst();
            Set<String> installed = new LinkedHashSet<>();
            String have;
            if (!marker.isEmpty()) {
                have = marker.getOrDefault("release", "?");
                if (!have.equals(release) || !marker.getOrDefault("arch", arch).equals(arch)) {
                    return Planned.failed(dest + " holds " + have + " (" + marker.getOrDefault("arch", "?") + "), not "
                            + release + " (" + arch + "): freebsd_base does not upgrade a root (use freebsd_update) "
                            + "or extract over another release", result);
                }
                installed.addAll(List.of(marker.getOrDefault("sets", "").split(" ")));
            } else if (version.isPresent()) {
                have = version.get();
                if (!have.equals(release) && !have.startsWith(release + "-p")) {
                    return Planned.failed(dest + " holds FreeBSD " + have + " (bin/freebsd-version), not " + release
                            + ": freebsd_base does not upgrade a root (use freebsd_update)", result);
                }
                installed.add("base");
            } else {
                have = "";
            }
            List<String> missing = sets.stream().filter(s -> !installed.contains(s)).toList();
            List<String> files = sections.getOrDefault("files", List.of());
            List<String> cached = sections.getOrDefault("cache", List.of());
            result.put("cached", cached);
            List<Change> changes = new ArrayList<>();
            if (!missing.isEmpty()) {
                Set<String> all = new LinkedHashSet<>(installed);
                all.remove("");
                all.addAll(missing);
                changes.add(bootstrap(missing, List.copyOf(all), have, installed));
            }
            List<Step> copies = new ArrayList<>();
            for (String f : List.of("etc/resolv.conf", "etc/localtime")) {
                boolean wanted = f.equals("etc/resolv.conf") ? resolv : localtime;
                // Copied at bootstrap (as the seed does) or when missing; a host without the file has nothing to copy.
                if (wanted && files.contains("host:" + f) && (!missing.isEmpty() || !files.contains(f))) {
                    copies.add(copy("/" + f));
                }
            }
            if (!copies.isEmpty()) {
                changes.add(new Change(Action.UPDATE, dest + "/etc", Diff.of(dest + "/etc", "",
                        copies.stream().map(Step::display).reduce("", (x, y) -> x + y + "\n")), copies,
                        List.of(Resource.path(dest + "/etc"))));
            }
            if (changes.isEmpty()) changes.add(Change.none(dest));
            result.put("extracted", missing);
            Planned planned = Planned.of(changes, result);
            return planned.withAfterApply(Plan::afterApply);
        }

        private static Map<String, Object> afterApply(Map<String, Object> planned, List<StepResult> steps) {
            Map<String, Object> r = new LinkedHashMap<>(planned);
            List<String> reused = new ArrayList<>();
            List<String> fetched = new ArrayList<>();
            for (StepResult s : steps) {
                for (String l : s.stdout().split("\n")) {
                    if (l.startsWith("reused cached ")) reused.add(l.substring("reused cached ".length()));
                    if (l.startsWith("fetched ")) fetched.add(l.substring("fetched ".length()));
                }
            }
            r.put("cache_reused", !reused.isEmpty() && fetched.isEmpty());
            r.put("sets_from_cache", reused);
            r.put("sets_fetched", fetched);
            return r;
        }

        private Step copy(String file) {
            String to = dest + file;
            return new Step.Exec(ShellScript.fill("if [ -e {} ]; then mkdir -p {} && cp -p {} {}; fi", file,
                    dest + "/etc", file, to), "cp " + file + " " + to, false);
        }

        private Change bootstrap(List<String> missing, List<String> allSets, String have, Set<String> installed) {
            List<Step> steps = new ArrayList<>();
            String manifest = cache + "/MANIFEST";
            ShellScript m = ShellScript.create()
                    .line("mkdir -p {} || exit 1", cache)
                    .line("fetch -q -o {} {} || { echo {} >&2; exit 1; }", manifest + ".jprov-new", url + "MANIFEST",
                            "cannot fetch " + url + "MANIFEST: the sets cannot be checked, nothing was extracted");
            pin.ifPresent(p -> m.line("got=$(sha256 -q {})", manifest + ".jprov-new")
                    .line("if [ \"$got\" != {} ]; then echo \"MANIFEST sha256 is $got, pinned \"{} >&2; rm -f {}; exit 1; fi",
                            p, p, manifest + ".jprov-new"));
            m.line("mv -f {} {}", manifest + ".jprov-new", manifest);
            steps.add(new Step.Exec(m.text(), "fetch " + url + "MANIFEST -> " + manifest
                    + pin.map(p -> " (sha256 pinned)").orElse(""), false));
            for (String set : missing) {
                String file = set + ".txz";
                String local = cache + "/" + file;
                ShellScript s = ShellScript.create()
                        .line("want=$(awk -v f={} '$1 == f { print $2; exit }' {})", file, manifest)
                        .line("if [ -z \"$want\" ]; then echo {} >&2; exit 1; fi",
                                file + " is not listed in " + url + "MANIFEST")
                        .line("if [ -f {} ] && [ \"$(sha256 -q {})\" = \"$want\" ]; then echo {}; else", local, local,
                                "reused cached " + file)
                        .line("  fetch -q -o {} {} || exit 1", local + ".jprov-part", url + file)
                        .line("  mv -f {} {} || exit 1", local + ".jprov-part", local)
                        .line("  got=$(sha256 -q {})", local)
                        .line("  if [ \"$got\" != \"$want\" ]; then echo {}\" is $got, MANIFEST says $want\" >&2; exit 1; fi",
                                "sha256 of " + url + file)
                        .line("  echo {}", "fetched " + file)
                        .raw("fi");
                steps.add(new Step.Exec(s.text(), "fetch " + file + " unless cached, check its sha256 against MANIFEST",
                        false));
            }
            ShellScript x = ShellScript.create().line("mkdir -p {} || exit 1", dest);
            for (String set : missing) x.line("tar -C {} -xpf {} || exit 1", dest, cache + "/" + set + ".txz");
            steps.add(new Step.Exec(x.text(), "tar -C " + dest + " -xpf " + String.join(" ",
                    missing.stream().map(s -> cache + "/" + s + ".txz").toList()), false));
            ShellScript mk = ShellScript.create().line("mkdir -p {} || exit 1", dest + "/var/db")
                    .line("{ printf 'release=%s\\narch=%s\\nsets=%s\\n' {} {} {}", release, arch, String.join(" ", allSets));
            for (String set : allSets) {
                mk.line("  printf '%s=%s\\n' {} \"$(awk -v f={} '$1 == f { print $2; exit }' {})\"", set + ".txz",
                        set + ".txz", manifest);
            }
            mk.line("} > {}", dest + MARKER);
            steps.add(new Step.Exec(mk.text(), "record release and sets in " + dest + MARKER, false));
            String before = have.isEmpty() ? "" : "release: " + have + "\nsets: " + String.join(" ", installed) + "\n";
            String after = "release: " + release + " (" + arch + ")\nsets: " + String.join(" ", allSets)
                    + "\nextract: " + String.join(" ", missing.stream().map(s -> s + ".txz").toList()) + "\n";
            // A base set brings the root's standard directories: tasks after this one in a dry run may write there.
            List<FileFacts> created = new ArrayList<>();
            for (String d : List.of("", "/etc", "/bin", "/usr", "/usr/local", "/usr/local/etc", "/var", "/var/db",
                    "/var/log", "/var/run", "/tmp", "/root", "/dev")) {
                created.add(FileFacts.directory(dest + d, "0755"));
            }
            return new Change(have.isEmpty() ? Action.CREATE : Action.UPDATE, dest, Diff.of(dest, before, after), steps,
                    List.of(Resource.path(dest), Resource.path(cache)), created);
        }

        private static Map<String, List<String>> sections(String out) {
            Map<String, List<String>> s = new LinkedHashMap<>();
            List<String> cur = null;
            for (String l : out.split("\n")) {
                if (l.startsWith("== ")) {
                    cur = new ArrayList<>();
                    s.put(l.substring(3).strip(), cur);
                } else if (cur != null && !l.isBlank()) {
                    cur.add(l.strip());
                }
            }
            return s;
        }
    }
}
