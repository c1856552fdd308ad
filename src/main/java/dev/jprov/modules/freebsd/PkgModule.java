package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
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
 * a chroot (pkg -c). One probe asks pkg for the installed versions ({@code pkg query -a}) and, for latest, which
 * of them the repository has newer ({@code pkg version -vR -l '<'}); one {@code pkg install -y} installs every
 * missing package, one {@code pkg upgrade -y} upgrades the outdated ones. autoremove runs {@code pkg autoremove -y}
 * after a removal (only then, so a run that removes nothing stays a no-op).
 * <p>On a fresh FreeBSD host /usr/sbin/pkg is the bootstrap stub (usr.sbin/pkg/pkg.c): asked anything without a
 * terminal it refuses to bootstrap, and {@code pkg -N} says "pkg is not installed". Then the module plans
 * {@code pkg bootstrap -y} first, from the repositories the host's configuration names (roles/pkg_repository
 * writes the inventory's {@code pkg_repo_url}; {@code pkgsite} picks one repository, as {@code -r} does for install).
 * For -r/-c/-j it is still the HOST's pkg that runs (see {@link PkgTarget}), so the host is bootstrapped, never the
 * jail. Until then the place's database cannot be asked: no database file means nothing installed.
 * <p>A second probe is the stub's own test, whether {@code /usr/local/sbin/pkg} is executable: check mode predicts it
 * after a planned bootstrap, so the later items of a dry run do not bootstrap again, as the real run would not.
 */
public final class PkgModule implements Module {
    static final String NAME = "pkg";
    /** usr.sbin/pkg/pkg.c: LOCALBASE "/sbin/pkg", what the stub execs (and bootstraps when it is not executable). */
    static final String REAL_PKG = "/usr/local/sbin/pkg";
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
        args.bool("use_globs"); // accepted for compatibility: names are matched exactly either way
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
        int places = (jail.isPresent() ? 1 : 0) + (rootdir.isPresent() ? 1 : 0) + (chroot.isPresent() ? 1 : 0);
        if (places > 1) throw new ArgsException("parameters are mutually exclusive: jail|rootdir|chroot");
        PkgTarget target;
        if (jail.isPresent()) {
            target = new PkgTarget.InJail(JailOperand.of(NAME, jail.get()));
        } else if (rootdir.isPresent() || chroot.isPresent()) {
            String dir = rootdir.orElseGet(chroot::get);
            if (!dir.startsWith("/")) throw new ArgsException(NAME + ": '" + dir + "' must be an absolute path");
            target = new PkgTarget.Root(dir, chroot.isPresent() && rootdir.isEmpty());
        } else {
            target = new PkgTarget.Host();
        }
        State state = switch (stateArg) {
            case "installed" -> State.PRESENT;
            case "removed" -> State.ABSENT;
            default -> State.valueOf(stateArg.toUpperCase(java.util.Locale.ROOT));
        };
        List<String> installOpts = new ArrayList<>(List.of("-y"));
        if (cached) installOpts.add("-U");
        pkgsite.ifPresent(r -> installOpts.addAll(List.of("-r", r)));
        List<String> global = new ArrayList<>(target.selector());
        if (ignoreOsver) global.addAll(List.of("-o", "IGNORE_OSVERSION=yes"));
        return new PkgCall(List.copyOf(names), state, target, List.copyOf(global), List.copyOf(installOpts), cached,
                autoremove, pkgsite);
    }

    record PkgCall(List<String> names, State state, PkgTarget target, List<String> global, List<String> installOpts,
                   boolean cached, boolean autoremove, Optional<String> pkgsite) implements Invocation {

        /** The stub's test (pkg.c: access(pkgpath, X_OK)), a path check mode can predict. */
        static final Probe.FileInfo REAL = new Probe.FileInfo(REAL_PKG, false, true);

        private Resource packageResource(String name) {
            return new Resource(Resource.Kind.PACKAGE, target.label() + ":" + name);
        }

        Cmd pkg(String... args) {
            return Cmd.of("pkg").plus(global).plus(args);
        }

        Probe.Shell probe() {
            ShellScript s = ShellScript.create()
                    .raw("jpk_n=$(pkg -N 2>&1); jpk_rc=$?")
                    .raw("case \"$jpk_rc:$jpk_n\" in")
                    // usr.sbin/pkg/pkg.c: the stub's answer to -N while LOCALBASE/sbin/pkg is not executable.
                    .raw("1:*'pkg is not installed')")
                    .raw("  printf '@stub=%s\\n' \"$jpk_n\"")
                    .raw("  " + target.databaseProbe() + " ;;")
                    .raw("*)")
                    .raw("  echo @installed")
                    .raw("  " + pkg("query", "-a", "%n %v").toShell() + " 2>&1; echo \"@rc=$?\"");
            if (state == State.LATEST) {
                Cmd version = cached ? pkg("version", "-U", "-vR", "-l", "<") : pkg("version", "-vR", "-l", "<");
                s.raw("  echo @outdated").raw("  " + version.toShell() + " 2>&1; echo \"@rc=$?\"");
            }
            s.raw("  ;;").raw("esac");
            List<Resource> reads = new ArrayList<>(target.reads());
            reads.add(Resource.path(REAL_PKG));
            for (String n : names) reads.add(packageResource(n));
            return new Probe.Shell(s.text(), reads);
        }

        @Override
        public List<Probe> probes() {
            return List.of(REAL, probe());
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", names);
            result.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            PkgFindings found = PkgFindings.parse(facts.get(probe()).stdout());
            if (found.error().isPresent()) {
                return Planned.failed(NAME + ": pkg failed on " + target.label() + ": " + found.error().get(), result);
            }
            // The host's answer says stub; a planned bootstrap earlier in this dry run says otherwise.
            boolean stub = found.hostNeedsBootstrap() && !executable(facts.get(REAL));
            Map<String, String> installed = switch (found.database()) {
                case PkgFindings.Database.Known k -> k.versions();
                case PkgFindings.Database.Unreadable u -> null;
            };
            if (installed == null && state == State.ABSENT) {
                return Planned.failed(NAME + ": " + target.label() + " has a package database, but the host's pkg is "
                        + "the bootstrap stub (" + found.stub().orElse("") + "): bootstrap it first, e.g. with "
                        + "state=present name=pkg on the host", result);
            }
            Map<String, String> known = installed == null ? Map.of() : installed;
            List<String> missing = new ArrayList<>();
            List<String> upgrade = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            for (String n : names) {
                Optional<String> inst = installedName(n, known);
                inst.ifPresent(i -> before.append(i).append('-').append(known.get(i)).append('\n'));
                switch (state) {
                    case PRESENT, LATEST -> {
                        if (inst.isEmpty()) {
                            missing.add(n);
                            after.append(n).append(" (installed from the repository)\n");
                        } else if (state == State.LATEST && found.outdated().containsKey(inst.get())) {
                            upgrade.add(inst.get());
                            after.append(inst.get()).append('-').append(found.outdated().get(inst.get())).append('\n');
                        } else {
                            after.append(inst.get()).append('-').append(known.get(inst.get())).append('\n');
                        }
                    }
                    case ABSENT -> inst.ifPresent(remove::add);
                }
            }
            if (!upgrade.isEmpty() && found.outdatedError().isPresent()) {
                return Planned.failed(NAME + ": pkg failed on " + target.label() + ": " + found.outdatedError().get(),
                        result);
            }
            if (installed == null) {
                before.append("(").append(target.label()).append("'s package database is read once pkg is bootstrapped)\n");
            }
            // Only what needs pkg bootstraps it: removing what is not there does not.
            boolean bootstrap = stub && (!missing.isEmpty() || !upgrade.isEmpty());
            // pkg-static add registers pkg itself in the host's database: the bootstrap is that install.
            if (bootstrap && target instanceof PkgTarget.Host) missing.remove("pkg");
            result.put("bootstrapped", bootstrap);
            result.put("installed", missing);
            result.put("upgraded", upgrade);
            result.put("removed", remove);
            List<Change> changes = new ArrayList<>();
            List<String> msg = new ArrayList<>();
            if (bootstrap) {
                changes.add(bootstrapChange(found.stub().orElse("")));
                msg.add("bootstrapped pkg on the host");
            }
            List<Step> steps = new ArrayList<>();
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
            String subject = "packages on " + target.label();
            if (steps.isEmpty() && bootstrap) {
                result.put("msg", String.join(", ", msg));
                return Planned.of(changes, result);
            }
            if (steps.isEmpty()) {
                result.put("msg", "package(s) already " + (state == State.ABSENT ? "absent" : state == State.LATEST
                        ? "at the latest version" : "present"));
                return Planned.of(List.of(Change.none(subject)), result);
            }
            Action action = !remove.isEmpty() ? Action.DELETE : upgrade.isEmpty() ? Action.CREATE : Action.UPDATE;
            List<Resource> writes = new ArrayList<>();
            for (String n : names) writes.add(packageResource(n));
            writes.add(target.files());
            writes.addAll(target.reads().stream().filter(r -> r.kind() == Resource.Kind.PATH).toList());
            result.put("msg", String.join(", ", msg));
            Change c = new Change(action, subject, new Diff(subject, before.toString(), subject, after.toString()),
                    steps, writes);
            // Installing on the host writes below /usr/local, where pkg itself lives: it stays there.
            if (target instanceof PkgTarget.Host) c = c.withPredicted(List.of(realPkg()));
            changes.add(c);
            return Planned.of(changes, result);
        }

        /** pkg bootstrap on the host: -y because the stub refuses to ask without a terminal (non_interactive_message). */
        private Change bootstrapChange(String stubSaid) {
            Cmd cmd = Cmd.of("pkg", "bootstrap", "-y");
            if (pkgsite.isPresent()) cmd = cmd.plus("-r", pkgsite.get());
            String subject = "pkg(8) on the host";
            Diff diff = new Diff(subject, "/usr/sbin/pkg: bootstrap stub (" + stubSaid + ")\n", subject,
                    REAL_PKG + ": pkg from " + pkgsite.map(r -> "repository " + r).orElse("the configured repositories")
                            + "\n");
            return new Change(Action.CREATE, subject, diff, List.of(Step.Exec.of(cmd)),
                    List.of(Resource.path("/usr/local"), Resource.path(PkgTarget.DBDIR),
                            new Resource(Resource.Kind.PACKAGE, "host:pkg")))
                    .withPredicted(List.of(realPkg()));
        }

        private static FileFacts realPkg() {
            return new FileFacts(REAL_PKG, FileFacts.Type.FILE, "0755", 0, 0, "root", "wheel", 0, 0,
                    Optional.empty(), Optional.empty());
        }

        private static boolean executable(FileFacts f) {
            if (f.type() != FileFacts.Type.FILE || f.mode().isEmpty()) return false;
            int mode = Integer.parseInt(f.mode(), 8);
            return (mode & 0111) != 0; // access(X_OK) as root: any execute bit
        }

        /** The installed package a requested name means: the name itself, or name-version for a pinned request. */
        private static Optional<String> installedName(String requested, Map<String, String> installed) {
            if (installed.containsKey(requested)) return Optional.of(requested);
            for (var e : installed.entrySet()) {
                if ((e.getKey() + "-" + e.getValue()).equals(requested)) return Optional.of(e.getKey());
            }
            return Optional.empty();
        }
    }
}
