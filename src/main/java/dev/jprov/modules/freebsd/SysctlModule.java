package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
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
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ansible.posix.sysctl on FreeBSD: the name's line in sysctl.conf (rewritten as Ansible rewrites it), the live
 * value set with {@code sysctl NAME=VALUE} ({@code sysctl_set}) and the file applied with
 * {@code /etc/rc.d/sysctl reload} ({@code reload}), changed exactly where Ansible's module says changed.
 * <p>Where FreeBSD differs from what Ansible assumes:
 * <ul>
 * <li>A loader tunable that is read-only at run time (CTLFLAG_RDTUN, {@code sysctl -N -T} lists it, {@code -W}
 * does not: kern.racct.enable, kern.maxproc) cannot be set by sysctl.conf; Ansible would write it there and report
 * changed on every run. Here it goes to /boot/loader.conf, and the result says {@code reboot_required} (with a
 * warning) while the running kernel still has another value.</li>
 * <li>A name that is read-only and no tunable fails, naming it.</li>
 * <li>In a jail ({@code security.jail.jailed=1}) the kernel refuses writes of the host's variables: the file is
 * managed, the live value is not touched, and a warning says so.</li>
 * </ul>
 */
public final class SysctlModule implements Module {
    static final String NAME = "sysctl";
    static final String RELOAD = "/etc/rc.d/sysctl";
    /** The kernel's variables as one resource: a reload sets every name of the file, a tunable needs a boot. */
    static final Resource KERNEL = new Resource(Resource.Kind.SYSCTL, "*");
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.posix.sysctl");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name", "key").strip();
        Optional<String> raw = args.stringAliased("value", "val");
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        boolean reload = args.bool("reload", true);
        boolean sysctlSet = args.bool("sysctl_set", false);
        boolean ignoreErrors = args.bool("ignoreerrors", false);
        String file = args.string("sysctl_file", "/etc/sysctl.conf");
        args.finish();
        if (present && raw.isEmpty()) throw new ArgsException("state is present but all of the following are missing: value");
        if (name.isEmpty()) throw new ArgsException("name cannot be blank");
        if (present && raw.get().isEmpty()) throw new ArgsException("value cannot be blank");
        if (name.contains("=") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new ArgsException(NAME + ": name '" + name + "' is not a sysctl name (no '=' or blanks)");
        }
        if (!file.startsWith("/")) throw new ArgsException(NAME + ": sysctl_file '" + file + "' must be an absolute path");
        String value = raw.map(SysctlModule::parseValue).orElse("");
        if (value.contains("\n")) throw new ArgsException(NAME + ": value of " + name + " must be one line");
        return new Call(name, value, present, reload, sysctlSet, ignoreErrors, file);
    }

    /** _parse_value: booleans as 1/0, other text stripped. */
    static String parseValue(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) return "1";
        if (FALSE.contains(lower)) return "0";
        return v.strip();
    }

    /** _values_is_equal: the same words in the same order. */
    static boolean sameValue(Optional<String> live, String wanted) {
        return live.isPresent() && Arrays.equals(words(live.get()), words(wanted));
    }

    private static String[] words(String s) {
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** What the running kernel says about the name. */
    record Live(boolean jailed, boolean known, boolean writable, boolean tunable, Optional<String> value) {
        static Live parse(ProbeAnswer answer) {
            String[] lines = answer.stdout().split("\n", -1);
            Map<String, String> fields = new LinkedHashMap<>();
            int i = 0;
            for (; i < lines.length && i < 4; i++) {
                int eq = lines[i].indexOf('=');
                if (eq > 0) fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
            boolean known = "1".equals(fields.get("known"));
            String rest = String.join("\n", Arrays.asList(lines).subList(Math.min(i, lines.length), lines.length));
            return new Live("1".equals(fields.get("jailed")), known, !fields.getOrDefault("writable", "").isEmpty(),
                    !fields.getOrDefault("tunable", "").isEmpty(), known ? Optional.of(rest.strip()) : Optional.empty());
        }
    }

    record Call(String name, String value, boolean present, boolean reload, boolean sysctlSet, boolean ignoreErrors,
                String file) implements Invocation {

        Probe.Shell live() {
            String q = Cmd.of(name).toShell();
            String script = "printf 'jailed=%s\\n' \"$(sysctl -n security.jail.jailed 2>/dev/null)\"\n"
                    + "printf 'writable=%s\\n' \"$(sysctl -N -W " + q + " 2>/dev/null)\"\n"
                    + "printf 'tunable=%s\\n' \"$(sysctl -N -T " + q + " 2>/dev/null)\"\n"
                    + "if v=$(sysctl -e -n " + q + " 2>/dev/null); then printf 'known=1\\n%s\\n' \"$v\"; "
                    + "else echo known=0; fi";
            return new Probe.Shell(script, List.of(KERNEL));
        }

        Probe.FileContent conf() {
            return Probe.FileContent.whole(file);
        }

        Probe.FileContent loaderConf() {
            return Probe.FileContent.whole(Racct.LOADER_CONF);
        }

        @Override
        public List<Probe> probes() {
            return List.of(live(), conf(), loaderConf());
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            Live live = Live.parse(facts.get(live()));
            if (live.known() && !live.writable() && !live.jailed()) {
                if (live.tunable()) return tunable(facts, live, result);
                if (present) {
                    return Planned.failed(NAME + ": " + name + " is read only: the kernel lets it be set neither at "
                            + "run time nor as a loader tunable", result);
                }
            }
            Optional<byte[]> bytes = facts.content(conf());
            SysctlConf conf = SysctlConf.parse(bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
            Optional<String> inFile = conf.value(name);
            boolean changed = false;
            boolean write = false;
            boolean setLive = false;
            if (inFile.isEmpty()) {
                changed = write = present;
            } else if (!present || !inFile.get().equals(value)) {
                changed = write = true;
            } else if (reload && !sameValue(live.value(), value)) {
                changed = true;
            }
            if (sysctlSet && present && !sameValue(live.value(), value)) {
                changed = true;
                setLive = live.value().isPresent();
            }
            List<String> warnings = new ArrayList<>();
            if (live.jailed() && present && !sameValue(live.value(), value) && (reload || sysctlSet)) {
                warnings.add(name + " cannot be set in a jail (the kernel refuses the jail's writes of the host's "
                        + "variables): " + (write ? "written to " + file + " only" : "left as it is") + "; set it on the host");
                changed = write;
                setLive = false;
            }
            List<Change> changes = new ArrayList<>();
            if (setLive) {
                Cmd set = ignoreErrors ? Cmd.of("sysctl", "-i", name + "=" + value) : Cmd.of("sysctl", name + "=" + value);
                changes.add(new Change(Action.UPDATE, "sysctl " + name, Diff.of("sysctl " + name,
                        live.value().orElse("") + "\n", value + "\n"), List.of(Step.Exec.of(set)),
                        List.of(KERNEL)));
            }
            if (write) {
                String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
                String after = conf.rewrite(name, present ? Optional.of(value) : Optional.empty());
                changes.add(new Change(bytes.isEmpty() ? Action.CREATE : present ? Action.UPDATE : Action.DELETE, file,
                        new Diff(file, before, file, after),
                        List.of(Step.WriteFile.of(file, after.getBytes(StandardCharsets.UTF_8))),
                        List.of(Resource.path(file))));
            }
            if (changed && reload && !live.jailed()) {
                changes.add(new Change(Action.RUN, RELOAD + " reload", Diff.NONE,
                        List.of(Step.Exec.of(Cmd.of(RELOAD, "reload"))), List.of(KERNEL)));
            }
            if (changed && changes.isEmpty()) {
                // reload with the kernel's value differing, in a jail that may not reload: nothing left to run
                changes.add(new Change(Action.RUN, "sysctl " + name, Diff.NONE, List.of(), List.of()));
            }
            if (changes.isEmpty()) changes.add(Change.none(file + ": " + name));
            if (!warnings.isEmpty()) result.put("warnings", warnings);
            return Planned.of(changes, result);
        }

        /** A run-time read-only loader tunable: /boot/loader.conf, and a reboot while the kernel differs. */
        private Planned tunable(Facts facts, Live live, Map<String, Object> result) {
            LoaderTunable tunable = new LoaderTunable(name, value);
            Optional<byte[]> bytes = facts.content(loaderConf());
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            String after = present ? tunable.edit(before) : tunable.without(before);
            List<Change> changes = new ArrayList<>();
            if (!after.equals(before)) {
                changes.add(new Change(bytes.isEmpty() ? Action.CREATE : present ? Action.UPDATE : Action.DELETE,
                        Racct.LOADER_CONF, new Diff(Racct.LOADER_CONF, before, Racct.LOADER_CONF, after),
                        List.of(Step.WriteFile.of(Racct.LOADER_CONF, after.getBytes(StandardCharsets.UTF_8))),
                        List.of(Resource.path(Racct.LOADER_CONF))));
            } else {
                changes.add(Change.none(Racct.LOADER_CONF + ": " + name));
            }
            boolean reboot = present && !sameValue(live.value(), value);
            result.put("reboot_required", reboot);
            if (reboot) {
                result.put("warnings", List.of(name + " is a loader tunable, read-only at run time: " + tunable.line()
                        + " is in " + Racct.LOADER_CONF + "; the running kernel keeps " + live.value().orElse("")
                        + " until the next boot"));
            }
            return Planned.of(changes, result);
        }
    }
}
