package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
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
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * community.general.sysrc: one rc.conf variable present with a value, absent, or with a word added to or removed
 * from its list value ({@code value_present}/{@code value_absent}, split on {@code delim}). Works on the host's
 * file (-f), a file under a root (-R) or inside a jail (-j). YAML booleans are written YES/NO.
 * The module manages the FILE: it compares the file's own last assignment, not defaults from
 * /etc/defaults/rc.conf, so {@code sendmail_enable: NO} is written even though it is the default (as the seeds'
 * jail rc.conf spells it out), and a second run finds it there.
 */
public final class SysrcModule implements Module {
    static final String NAME = "sysrc";
    private static final Pattern VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    enum State { PRESENT, ABSENT, VALUE_PRESENT, VALUE_ABSENT }

    @Override
    public List<String> names() {
        return List.of(NAME, "community.general.sysrc", "jprov.freebsd.sysrc");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        Optional<Object> rawValue = args.value("value");
        State state = State.valueOf(args.choice("state", "present", "present", "absent", "value_present",
                "value_absent").toUpperCase(java.util.Locale.ROOT));
        String path = args.string("path", "/etc/rc.conf");
        String delim = args.string("delim", " ");
        Optional<String> jail = args.string("jail");
        Optional<String> root = args.stringAliased("root", "rootdir");
        args.finish();
        if (!VAR.matcher(name).matches()) {
            throw new ArgsException(NAME + ": name '" + name + "' may only contain letters, digits and underscores "
                    + "(and not start with a digit)");
        }
        if (!path.startsWith("/")) throw new ArgsException(NAME + ": path '" + path + "' must be absolute");
        if (jail.isPresent() && root.isPresent()) throw new ArgsException("parameters are mutually exclusive: jail|root");
        root.ifPresent(r -> {
            if (!r.startsWith("/")) throw new ArgsException(NAME + ": root '" + r + "' must be an absolute path");
        });
        if (delim.isEmpty()) throw new ArgsException(NAME + ": delim must not be empty");
        Optional<String> value = rawValue.map(SysrcModule::rcValue);
        if (value.isEmpty() && state != State.ABSENT) {
            throw new ArgsException(NAME + ": value is required with state=" + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        value.ifPresent(v -> checkLiteral(name, v));
        RcConfFile file = new RcConfFile(jail.map(j -> JailOperand.of(NAME, j)), root, path);
        return new SysrcCall(file, name, value.orElse(""), state, delim);
    }

    /** YAML true/false become YES/NO, as rc.conf(5) spells them. */
    static String rcValue(Object v) {
        if (v instanceof Boolean b) return b ? "YES" : "NO";
        if (v instanceof Map || v instanceof List) throw new ArgsException(NAME + ": value must be a string");
        return v.toString();
    }

    /** sysrc writes the value between double quotes as it is: these characters would be read back differently. */
    private static void checkLiteral(String name, String value) {
        for (char c : new char[] {'"', '$', '`', '\\', '\n'}) {
            if (value.indexOf(c) >= 0) {
                throw new ArgsException(NAME + ": value of " + name + " contains '" + (c == '\n' ? "\\n" : c)
                        + "', which sysrc writes unquoted into rc.conf where sh would interpret it");
            }
        }
    }

    record SysrcCall(RcConfFile file, String name, String value, State state, String delim) implements Invocation {
        @Override
        public List<Probe> probes() {
            return List.of(file.probe());
        }

        Cmd sysrc(String... args) {
            List<String> argv = new ArrayList<>(List.of("sysrc"));
            file.jail().ifPresent(j -> argv.addAll(List.of("-j", j.value())));
            file.root().ifPresent(r -> argv.addAll(List.of("-R", r)));
            argv.addAll(List.of("-f", file.path()));
            argv.addAll(Arrays.asList(args));
            return Cmd.of(argv);
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("value", value);
            result.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            result.put("path", file.path());
            RcConfFile.Result read = file.read(facts);
            if (read.error().isPresent()) return Planned.failed(NAME + ": " + read.error().get(), result);
            RcConfFile.Contents contents = read.contents().orElseThrow();
            RcConfText.Value current = contents.values().get(name);
            result.put("before", current == null ? null : current.shown());
            return switch (state) {
                case PRESENT -> current != null && current.is(value) ? none(result)
                        : assign(contents, current, value, result);
                case ABSENT -> current == null ? none(result) : remove(contents, current, result);
                case VALUE_PRESENT, VALUE_ABSENT -> listEdit(contents, current, result);
            };
        }

        private Planned listEdit(RcConfFile.Contents contents, RcConfText.Value current, Map<String, Object> result) {
            if (current != null && current.text().isEmpty()) {
                return Planned.failed(NAME + ": " + name + " in " + file.label() + " is computed by the shell ("
                        + current.source() + "); set it with state=present instead", result);
            }
            String now = current == null ? "" : current.text().get();
            List<String> words = new ArrayList<>();
            for (String w : now.split(Pattern.quote(delim), -1)) if (!w.isEmpty()) words.add(w);
            boolean has = words.contains(value);
            if (state == State.VALUE_PRESENT) {
                if (has) return none(result);
                words.add(value);
            } else {
                if (!has) return none(result);
                words.removeIf(value::equals);
            }
            return assign(contents, current, String.join(delim, words), result);
        }

        private Planned assign(RcConfFile.Contents contents, RcConfText.Value current, String wanted,
                               Map<String, Object> result) {
            String before = current == null ? "" : current.shown();
            String msg = name + ": " + before + " -> " + wanted;
            return change(current == null ? Action.CREATE : Action.UPDATE, contents, current,
                    name + "=\"" + wanted + "\"\n", sysrc(name + "=" + wanted), msg, result);
        }

        private Planned remove(RcConfFile.Contents contents, RcConfText.Value current, Map<String, Object> result) {
            return change(Action.DELETE, contents, current, "", sysrc("-x", name),
                    name + ": " + current.shown() + " -> (removed)", result);
        }

        private Planned change(Action action, RcConfFile.Contents contents, RcConfText.Value current, String after,
                               Cmd cmd, String msg, Map<String, Object> result) {
            String before = current == null ? "" : name + "="
                    + current.text().map(t -> "\"" + t + "\"").orElse(current.source()) + "\n";
            String header = file.label() + ": " + name;
            Change c = new Change(action, header, new Diff(header, before, header, after), List.of(Step.Exec.of(cmd)),
                    List.of(Resource.path(contents.hostPath())));
            result.put("msg", msg);
            return Planned.of(List.of(c), result);
        }

        private Planned none(Map<String, Object> result) {
            return Planned.of(List.of(Change.none(file.label() + ": " + name)), result);
        }
    }
}
