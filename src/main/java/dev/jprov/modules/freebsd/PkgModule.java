package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * community.general.pkgng: packages present, latest or absent on the host, in a jail (pkg -j), a root (pkg -r) or
 * a chroot (pkg -c). One probe asks pkg for the installed versions of all named packages ({@code pkg query}) and,
 * for latest, which of them the repository has newer ({@code pkg version -vR -l '<'}); one {@code pkg install -y}
 * installs every missing package, one {@code pkg upgrade -y} upgrades the outdated ones.
 * autoremove runs {@code pkg autoremove -y} after a removal (only then, so a run that removes nothing stays a no-op).
 */
public final class PkgModule implements Module {
    static final String NAME = "pkg";
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+,@-]*");

    enum State { PRESENT, LATEST, ABSENT }

    @Override
    public List<String> names() {
        return List.of(NAME, "pkgng", "community.general.pkgng", "jprov.freebsd.pkg");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        List<String> names = args.list("name", "pkg");
        String stateArg = args.choice("state", "present", "present", "latest", "absent", "installed", "removed");
        boolean cached = args.bool("cached", false);
        Optional<String> pkgsite = args.string("pkgsite");
        Optional<String> jail = args.string("jail");
        Optional<String> rootdir = args.string("rootdir");
        Optional<String> chroot = args.string("chroot");
        boolean autoremove = args.bool("autoremove", false);
        boolean ignoreOsver = args.bool("ignore_osver", false);
        Optional<Boolean> useGlobs = args.bool("use_globs");
        if (args.has("annotation")) {
            throw new ArgsException(NAME + ": annotation is not supported by jprov's pkg module");
        }
        args.finish();
        if (names.isEmpty()) throw args.missing("name");
        for (String n : names) {
            if (!PACKAGE.matcher(n).matches()) {
                throw new ArgsException(NAME + ": '" + n + "' is not a package name (letters, digits and _ . + , @ -; "
                        + "globs and origins are not supported)");
            }
        }
        useGlobs.ifPresent(u -> { /* accepted for compatibility: names are matched exactly either way */ });
        int places = (jail.isPresent() ? 1 : 0) + (rootdir.isPresent() ? 1 : 0) + (chroot.isPresent() ? 1 : 0);
        if (places > 1) throw new ArgsException("parameters are mutually exclusive: jail|rootdir|chroot");
        List<String> selector = new ArrayList<>();
        String label;
        List<Resource> extraReads = new ArrayList<>();
        Resource files;
        if (jail.isPresent()) {
            JailOperand j = JailOperand.of(NAME, jail.get());
            selector.addAll(List.of("-j", j.value()));
            label = "jail " + j;
            extraReads.add(new Resource(Resource.Kind.JAIL, j.value()));
            files = Resource.ANY;
        } else if (rootdir.isPresent() || chroot.isPresent()) {
            String dir = rootdir.orElseGet(chroot::get);
            if (!dir.startsWith("/")) throw new ArgsException(NAME + ": '" + dir + "' must be an absolute path");
            selector.addAll(List.of(rootdir.isPresent() ? "-r" : "-c", dir));
            label = dir;
            files = Resource.path(RcConfFile.joined(dir, "/usr/local"));
        } else {
            label = "host";
            files = Resource.path("/usr/local");
        }
        State state = switch (stateArg) {
            case "installed" -> State.PRESENT;
            case "removed" -> State.ABSENT;
            default -> State.valueOf(stateArg.toUpperCase(java.util.Locale.ROOT));
        };
        List<String> installOpts = new ArrayList<>(List.of("-y"));
        if (cached) installOpts.add("-U");
        pkgsite.ifPresent(r -> installOpts.addAll(List.of("-r", r)));
        List<String> global = new ArrayList<>(selector);
        if (ignoreOsver) global.addAll(List.of("-o", "IGNORE_OSVERSION=yes"));
        return new PkgCall(List.copyOf(names), state, List.copyOf(global), label, List.copyOf(installOpts), cached,
                autoremove, List.copyOf(extraReads), files);
    }

    record PkgCall(List<String> names, State state, List<String> global, String label, List<String> installOpts,
                   boolean cached, boolean autoremove, List<Resource> extraReads, Resource files)
            implements ShellProbeInvocation {

        private Resource packageResource(String name) {
            return new Resource(Resource.Kind.PACKAGE, label + ":" + name);
        }

        Cmd pkg(String... args) {
            return Cmd.of("pkg").plus(global).plus(args);
        }

        public Probe.Shell probe() {
            ShellScript s = ShellScript.create().raw("echo @installed")
                    .raw(pkg("query", "%n %v").plus(names).toShell() + "; echo \"@rc=$?\"");
            if (state == State.LATEST) {
                Cmd version = cached ? pkg("version", "-U", "-vR", "-l", "<") : pkg("version", "-vR", "-l", "<");
                s.raw("echo @outdated").raw(version.toShell() + "; echo \"@rc=$?\"");
            }
            List<Resource> reads = new ArrayList<>(extraReads);
            for (String n : names) reads.add(packageResource(n));
            return new Probe.Shell(s.text(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", names);
            result.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            Map<String, String> installed = new LinkedHashMap<>();
            Map<String, String> remote = new LinkedHashMap<>();
            String section = "";
            for (String line : a.stdout().split("\n")) {
                if (line.startsWith("@rc=")) {
                    int rc = Integer.parseInt(line.substring(4).strip());
                    // pkg query exits 1 when a name is not installed; anything else (or an error message) is a failure.
                    boolean bad = section.equals("@installed") ? rc > 1 : rc != 0;
                    if (bad || (section.equals("@installed") && !a.stderr().isBlank())) {
                        return Planned.failed(NAME + ": pkg failed on " + label + ": " + a.stderr().strip(), result);
                    }
                } else if (line.startsWith("@")) {
                    section = line;
                } else if (section.equals("@installed") && line.contains(" ")) {
                    installed.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1).strip());
                } else if (section.equals("@outdated") && !line.isBlank()) {
                    parseOutdated(line, remote);
                }
            }
            List<String> missing = new ArrayList<>();
            List<String> upgrade = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            for (String n : names) {
                Optional<String> inst = installedName(n, installed);
                inst.ifPresent(i -> before.append(i).append('-').append(installed.get(i)).append('\n'));
                switch (state) {
                    case PRESENT, LATEST -> {
                        if (inst.isEmpty()) {
                            missing.add(n);
                            after.append(n).append(" (installed from the repository)\n");
                        } else if (state == State.LATEST && remote.containsKey(inst.get())) {
                            upgrade.add(inst.get());
                            after.append(inst.get()).append('-').append(remote.get(inst.get())).append('\n');
                        } else {
                            after.append(inst.get()).append('-').append(installed.get(inst.get())).append('\n');
                        }
                    }
                    case ABSENT -> inst.ifPresent(remove::add);
                }
            }
            result.put("installed", missing);
            result.put("upgraded", upgrade);
            result.put("removed", remove);
            List<Step> steps = new ArrayList<>();
            List<String> msg = new ArrayList<>();
            if (!missing.isEmpty()) {
                steps.add(Step.Exec.of(pkg("install").plus(installOpts).plus(missing)));
                msg.add("added " + missing.size() + " package(s)");
            }
            if (!upgrade.isEmpty()) {
                steps.add(Step.Exec.of(pkg("upgrade").plus(installOpts).plus(upgrade)));
                msg.add("upgraded " + upgrade.size() + " package(s)");
            }
            if (!remove.isEmpty()) {
                steps.add(Step.Exec.of(pkg("delete", "-y").plus(remove)));
                if (autoremove) steps.add(Step.Exec.of(pkg("autoremove", "-y")));
                msg.add("removed " + remove.size() + " package(s)");
            }
            String subject = "packages on " + label;
            if (steps.isEmpty()) {
                result.put("msg", "package(s) already " + (state == State.ABSENT ? "absent" : state == State.LATEST
                        ? "at the latest version" : "present"));
                return Planned.of(List.of(Change.none(subject)), result);
            }
            Action action = !remove.isEmpty() ? Action.DELETE : upgrade.isEmpty() ? Action.CREATE : Action.UPDATE;
            List<Resource> writes = new ArrayList<>();
            for (String n : names) writes.add(packageResource(n));
            writes.add(files);
            result.put("msg", String.join(", ", msg));
            Change c = new Change(action, subject, new Diff(subject, before.toString(), subject, after.toString()),
                    steps, writes);
            return Planned.of(List.of(c), result);
        }

        /** The installed package a requested name means: the name itself, or name-version for a pinned request. */
        private static Optional<String> installedName(String requested, Map<String, String> installed) {
            if (installed.containsKey(requested)) return Optional.of(requested);
            for (var e : installed.entrySet()) {
                if ((e.getKey() + "-" + e.getValue()).equals(requested)) return Optional.of(e.getKey());
            }
            return Optional.empty();
        }

        /** "nginx-1.24.0_14,3   <   needs updating (remote has 1.26.2,3)" -> nginx: 1.26.2,3. */
        private static void parseOutdated(String line, Map<String, String> remote) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length < 2 || !f[1].equals("<")) return;
            int dash = f[0].lastIndexOf('-');
            if (dash <= 0) return;
            String name = f[0].substring(0, dash);
            String newer = "";
            if (f.length == 3) {
                int i = f[2].indexOf("remote has ");
                if (i >= 0) newer = f[2].substring(i + "remote has ".length()).replace(")", "").strip();
            }
            remote.put(name, newer.isEmpty() ? "(newer)" : newer);
        }
    }
}
