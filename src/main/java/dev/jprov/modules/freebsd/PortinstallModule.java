package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
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
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * community.general.portinstall: packages built from the ports tree (/usr/ports), or removed. As the module
 * (plugins/modules/portinstall.py): a package counts as installed when {@code pkg info NAME} succeeds (or the name
 * without its digits: databases/mysql55-client installs mysql-client); a missing one must match exactly one port
 * ({@code ports_glob}: a directory /usr/ports/CATEGORY/NAME, again also without digits), otherwise "no matches" or
 * "N matches found". The build is the ports framework's {@code make -C /usr/ports/ORIGIN BATCH=yes install clean}
 * where the module runs portupgrade's {@code portinstall --batch}; with use_packages (the default) the repository's
 * package is tried first ({@code pkg install -y NAME}), as portinstall --use-packages does. Removal is
 * {@code pkg delete -y NAME}. A fresh FreeBSD has no ports tree (at most the empty directory of its zroot/usr/ports
 * dataset): a build that needs one fails saying so.
 */
public final class PortinstallModule implements Module {
    static final String NAME = "portinstall";
    static final String PORTSDIR = "/usr/ports";
    /** The ports framework: a tree has it; the empty /usr/ports of a fresh ZFS install (its own dataset) has not. */
    static final String FRAMEWORK = PORTSDIR + "/Mk/bsd.port.mk";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+@-]*");

    @Override
    public List<String> names() {
        return List.of("community.general.portinstall", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.stringAliased("name", "pkg").orElseThrow(() -> args.missing("name"));
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        boolean usePackages = args.bool("use_packages", true);
        args.finish();
        List<String> names = List.of(name.split(",", -1));
        for (String n : names) {
            if (!WORD.matcher(n).matches()) {
                throw new ArgsException(NAME + ": '" + n + "' is not a package name (letters, digits and _ . + @ -)");
            }
        }
        return new Call(names, present, usePackages);
    }

    record Call(List<String> names, boolean present, boolean usePackages) implements ShellProbeInvocation {

        static String withoutDigits(String name) {
            return name.replaceAll("[0-9]", "");
        }

        @Override
        public Probe.Shell probe() {
            ShellScript s = ShellScript.create()
                    .raw("if [ -f " + FRAMEWORK + " ]; then echo @ports; else echo @noports; fi");
            List<Resource> reads = new ArrayList<>(List.of(Resource.path(PORTSDIR), Resource.path(PkgTarget.DBDIR)));
            for (String n : names) {
                s.line("printf '@name %s\\n' {}", n);
                for (String candidate : candidates(n)) {
                    s.line("if pkg info {} >/dev/null 2>&1; then printf '@installed %s\\n' {}; fi", candidate,
                            candidate);
                    s.line("for jpi_d in " + PORTSDIR + "/*/{}; do [ -f \"$jpi_d/Makefile\" ] && "
                            + "printf '@port %s %s\\n' {} \"${jpi_d#" + PORTSDIR + "/}\"; done; true", candidate,
                            candidate);
                }
                reads.add(new Resource(Resource.Kind.PACKAGE, "host:" + n));
            }
            return new Probe.Shell(s.text(), reads);
        }

        private static List<String> candidates(String n) {
            String bare = withoutDigits(n);
            return bare.equals(n) || bare.isEmpty() ? List.of(n) : List.of(n, bare);
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            boolean ports = answer.stdout().startsWith("@ports\n");
            Map<String, List<String>> installed = new LinkedHashMap<>();
            Map<String, Map<String, List<String>>> origins = new LinkedHashMap<>();
            String current = null;
            for (String line : answer.stdout().split("\n")) {
                String[] f = line.split(" ");
                if (f[0].equals("@name")) {
                    current = f[1];
                    installed.put(current, new ArrayList<>());
                    origins.put(current, new LinkedHashMap<>());
                } else if (f[0].equals("@installed") && current != null) {
                    installed.get(current).add(f[1]);
                } else if (f[0].equals("@port") && current != null && f.length == 3) {
                    origins.get(current).computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            List<Step> steps = new ArrayList<>();
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            List<Resource> writes = new ArrayList<>(List.of(Resource.path("/usr/local"), Resource.path(PkgTarget.DBDIR)));
            for (String n : names) {
                boolean isInstalled = !installed.getOrDefault(n, List.of()).isEmpty();
                writes.add(new Resource(Resource.Kind.PACKAGE, "host:" + n));
                if (present && !isInstalled) {
                    // matching_packages: the name's ports, or those of the name without digits when it has none
                    List<String> found = origins.getOrDefault(n, Map.of()).getOrDefault(n, List.of());
                    if (found.isEmpty()) {
                        found = origins.getOrDefault(n, Map.of()).getOrDefault(withoutDigits(n), List.of());
                    }
                    if (!ports) {
                        return Planned.failed(NAME + ": no ports tree at " + PORTSDIR + " (no " + FRAMEWORK + "), so "
                                + n + " cannot be built from ports; a fresh FreeBSD install has none: check one out "
                                + "first, e.g. git clone https://git.FreeBSD.org/ports.git " + PORTSDIR, result);
                    }
                    if (found.isEmpty()) return Planned.failed("no matches for package " + n, result);
                    if (found.size() > 1) {
                        return Planned.failed(found.size() + " matches found for package name " + n, result);
                    }
                    String dir = PORTSDIR + "/" + found.getFirst();
                    Cmd make = Cmd.of("make", "-C", dir, "BATCH=yes", "install", "clean");
                    steps.add(usePackages
                            ? Step.Exec.of(ShellScript.create().raw(Cmd.of("pkg", "install", "-y", n).toShell()
                                    + " || " + make.toShell()), "pkg install -y " + n + " || " + make.toShell())
                            : Step.Exec.of(make));
                    writes.add(Resource.path(dir));
                    after.append(n).append(" (from ").append(found.getFirst()).append(")\n");
                } else if (!present && isInstalled) {
                    before.append(n).append('\n');
                    steps.add(Step.Exec.of(Cmd.of("pkg", "delete", "-y", installed.get(n).getFirst())));
                } else if (isInstalled) {
                    before.append(n).append('\n');
                    after.append(n).append('\n');
                }
            }
            String subject = "ports on host";
            if (steps.isEmpty()) {
                result.put("msg", present ? "package(s) already present" : "package(s) already absent");
                return Planned.of(List.of(Change.none(subject)), result);
            }
            result.put("msg", (present ? "present " : "removed ") + steps.size() + " package(s)");
            Change c = new Change(present ? Action.CREATE : Action.DELETE, subject,
                    new Diff(subject, before.toString(), subject, after.toString()), steps, writes);
            return Planned.of(List.of(c), result);
        }
    }
}
