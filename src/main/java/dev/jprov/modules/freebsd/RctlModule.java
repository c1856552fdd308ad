package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.files.FileContentProbe;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Resource;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * rctl(8) limits as data, kept in sync in two places: /etc/rctl.conf (loaded at boot by rc.d/rctl) and the live
 * rules ({@code rctl -a} / {@code rctl -r}, compared with {@code rctl}'s output by value since it prints bytes).
 * {@code exclusive} removes the other rules of the same subjects. rctl_enable=YES is set with sysrc.
 */
public final class RctlModule implements Module {
    static final String NAME = "rctl";

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.rctl");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        boolean exclusive = args.bool("exclusive", false);
        String path = args.string("path", "/etc/rctl.conf");
        boolean enable = args.bool("enable", true);
        Object raw = args.value("rules", "rule").orElseThrow(() -> args.missing("rules"));
        args.finish();
        if (!path.startsWith("/")) throw new ArgsException(NAME + ": path must be absolute, got: " + path);
        List<RctlRule> rules = new ArrayList<>();
        List<?> items = raw instanceof List<?> l ? l : List.of(raw);
        if (items.isEmpty()) throw new ArgsException(NAME + ": rules must not be empty");
        int index = 0;
        for (Object item : items) {
            index++;
            try {
                rules.add(rule(item));
            } catch (RctlRule.Invalid e) {
                throw new ArgsException(NAME + ": rules[" + index + "]: " + e.getMessage());
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        for (RctlRule r : rules) {
            if (!keys.add(r.key())) throw new ArgsException(NAME + ": rule " + r.key() + " is given twice");
        }
        if (exclusive && !present) throw new ArgsException(NAME + ": exclusive only applies to state=present");
        return new RctlPlan(rules, present, exclusive, path, enable);
    }

    private static RctlRule rule(Object item) {
        if (item instanceof String s) return RctlRule.parse(s);
        if (item instanceof Map<?, ?> m) {
            Set<String> known = Set.of("subject", "id", "subject_id", "resource", "action", "amount", "per");
            for (Object k : m.keySet()) {
                if (!known.contains(String.valueOf(k))) {
                    throw new RctlRule.Invalid("unknown key '" + k + "' (use subject, id, resource, action, amount, per)");
                }
            }
            Object id = m.containsKey("id") ? m.get("id") : m.get("subject_id");
            for (String k : List.of("subject", "resource", "action", "amount")) {
                if (m.get(k) == null) throw new RctlRule.Invalid("missing " + k + " in " + m);
            }
            if (id == null) throw new RctlRule.Invalid("missing id in " + m);
            String source = m.get("subject") + ":" + id + ":" + m.get("resource") + ":" + m.get("action") + "="
                    + m.get("amount");
            return RctlRule.of(String.valueOf(m.get("subject")), String.valueOf(id), String.valueOf(m.get("resource")),
                    String.valueOf(m.get("action")), String.valueOf(m.get("amount")),
                    Optional.ofNullable(m.get("per")).map(String::valueOf), source);
        }
        throw new RctlRule.Invalid("a rule must be a string or a mapping, got " + item);
    }

    record RctlPlan(List<RctlRule> rules, boolean present, boolean exclusive, String path, boolean enable)
            implements Invocation {
        static final Probe.Shell LIVE = new Probe.Shell("rctl", List.of(new Resource(Resource.Kind.RCTL, "*")));

        private Probe.Shell fileProbe() {
            return FileContentProbe.whole(path).probe();
        }

        @Override
        public List<Probe> probes() {
            List<Probe> p = new ArrayList<>(List.of(fileProbe(), LIVE));
            if (enable && present) p.add(new RcEnableFlag("rctl_enable").probe());
            return p;
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rules", rules.stream().map(RctlRule::text).toList());
            ProbeAnswer live = facts.get(LIVE);
            if (!live.ok()) {
                String err = live.stderr().strip();
                return Planned.failed("rctl failed: " + err + (err.contains("disabled")
                        ? " (set kern.racct.enable=1 in /boot/loader.conf and reboot)" : ""), result);
            }
            Map<String, RctlRule> liveRules = new LinkedHashMap<>();
            for (String line : live.stdout().split("\n")) {
                if (line.isBlank()) continue;
                try {
                    RctlRule r = RctlRule.parse(line);
                    liveRules.put(r.key(), r);
                } catch (RctlRule.Invalid e) {
                    return Planned.failed("cannot read rctl output line '" + line + "': " + e.getMessage(), result);
                }
            }
            Optional<byte[]> bytes = FileContentProbe.parse(facts.get(fileProbe()), path);
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            String after = editFile(before);

            List<Change> changes = new ArrayList<>();
            if (!after.equals(before) || bytes.isEmpty() && present) {
                Action action = bytes.isEmpty() ? Action.CREATE : Action.UPDATE;
                changes.add(new Change(action, path, new Diff(path, before, path, after),
                        List.of(Step.WriteFile.of(path, after.getBytes(StandardCharsets.UTF_8))),
                        List.of(Resource.path(path))));
            }
            Set<String> subjects = new LinkedHashSet<>();
            for (RctlRule r : rules) subjects.add(r.subjectKey());
            Resource rctl = new Resource(Resource.Kind.RCTL, "*");
            for (RctlRule r : rules) {
                RctlRule now = liveRules.get(r.key());
                String subject = "rctl " + r.key();
                if (present && (now == null || !now.sameValue(r))) {
                    changes.add(new Change(now == null ? Action.CREATE : Action.UPDATE, subject,
                            Diff.of("rctl (live rules)", now == null ? "" : now.readable() + "\n", r.text() + "\n"),
                            List.of(Step.Exec.of(Cmd.of("rctl", "-a", r.text()))), List.of(rctl)));
                } else if (!present && now != null) {
                    changes.add(removal(now, rctl));
                }
            }
            if (exclusive) {
                Set<String> wanted = new LinkedHashSet<>();
                for (RctlRule r : rules) wanted.add(r.key());
                for (RctlRule now : liveRules.values()) {
                    if (subjects.contains(now.subjectKey()) && !wanted.contains(now.key())) changes.add(removal(now, rctl));
                }
            }
            if (enable && present) {
                Change c = new RcEnableFlag("rctl_enable").enable(facts);
                if (c.changes()) changes.add(c);
            }
            if (changes.isEmpty()) changes.add(Change.none(path));
            result.put("state", present ? "present" : "absent");
            return Planned.of(changes, result);
        }

        private static Change removal(RctlRule now, Resource rctl) {
            return new Change(Action.DELETE, "rctl " + now.key(),
                    Diff.of("rctl (live rules)", now.readable() + "\n", ""),
                    List.of(Step.Exec.of(Cmd.of("rctl", "-r", now.key()))), List.of(rctl));
        }

        /**
         * rctl.conf with the rules in place: a line with the same key is replaced where it is, a new rule is
         * appended, absent (and, when exclusive, other rules of the same subjects) are removed. Lines that are not
         * rules (comments, blank lines, rules of other subjects) stay as they are.
         */
        String editFile(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            boolean trailingNewline = text.endsWith("\n");
            if (trailingNewline || text.isEmpty()) lines.removeLast();
            Map<String, RctlRule> wanted = new LinkedHashMap<>();
            for (RctlRule r : rules) wanted.put(r.key(), r);
            Set<String> subjects = new LinkedHashSet<>();
            for (RctlRule r : rules) subjects.add(r.subjectKey());
            Set<String> placed = new LinkedHashSet<>();
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                Optional<RctlRule> parsed = fileRule(line);
                if (parsed.isEmpty()) {
                    out.add(line);
                    continue;
                }
                RctlRule r = parsed.get();
                RctlRule w = wanted.get(r.key());
                if (!present) {
                    if (w == null) out.add(line);
                } else if (w != null) {
                    if (placed.add(r.key())) out.add(r.sameValue(w) ? line : w.text());
                } else if (!(exclusive && subjects.contains(r.subjectKey()))) {
                    out.add(line);
                }
            }
            if (present) {
                for (RctlRule w : rules) if (!placed.contains(w.key())) out.add(w.text());
            }
            if (out.isEmpty()) return "";
            return String.join("\n", out) + "\n";
        }

        /** A line of rctl.conf as rc.d/rctl reads it: the first word is the rule, the rest a comment. */
        private static Optional<RctlRule> fileRule(String line) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) return Optional.empty();
            String word = t.split("\\s+", 2)[0];
            try {
                return Optional.of(RctlRule.parse(word));
            } catch (RctlRule.Invalid e) {
                return Optional.empty();
            }
        }
    }
}
