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
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
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
 * <p>
 * Live rules need resource accounting ({@link Racct}), off in a GENERIC kernel until the loader tunable
 * kern.racct.enable=1 is set and the host rebooted. With accounting off the task fails in one line naming the fix,
 * unless {@code racct_enable: true}: then it sets the tunable in /boot/loader.conf (an atomic edit), writes
 * /etc/rctl.conf and rctl_enable, leaves the live rules alone (the kernel refuses them) and reports
 * {@code reboot_required: true}, changed, so a {@code notify} reboots the host; after the boot rc.d/rctl has loaded
 * the rules and the next run is ok. A dry run says the same instead of failing.
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
        boolean racctEnable = args.bool("racct_enable", false);
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
        return new RctlPlan(rules, present, exclusive, path, enable, racctEnable);
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

    record RctlPlan(List<RctlRule> rules, boolean present, boolean exclusive, String path, boolean enable,
                    boolean racctEnable) implements Invocation {
        static final Probe.Shell LIVE = new Probe.Shell("rctl", List.of(new Resource(Resource.Kind.RCTL, "*")));

        private Probe.FileContent fileProbe() {
            return Probe.FileContent.whole(path);
        }

        private static Probe.FileContent loaderConfProbe() {
            return Probe.FileContent.whole(Racct.LOADER_CONF);
        }

        @Override
        public List<Probe> probes() {
            List<Probe> p = new ArrayList<>(List.of(fileProbe(), LIVE, Racct.PROBE));
            if (enable && present) p.add(RcConfSetting.enabled("rctl_enable").probe());
            if (racctEnable && present) p.add(loaderConfProbe());
            if (racctEnable && present) p.add(Racct.LATER_ASSIGNMENTS);
            return p;
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rules", rules.stream().map(RctlRule::text).toList());
            result.put("reboot_required", false);
            ProbeAnswer live = facts.get(LIVE);
            Racct racct = Racct.of(facts.get(Racct.PROBE), live).orElse(Racct.ON);
            if (racct == Racct.ABSENT) {
                return Planned.failed("rctl: RACCT/RCTL support not present in kernel (no sysctl " + Racct.TUNABLE
                        + "): rctl needs a kernel built with options RACCT and RCTL", result);
            }
            if (racct == Racct.OFF) return planForNextBoot(facts, result);
            if (!live.ok()) {
                return Planned.failed("rctl failed: " + live.stderr().strip(), result);
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
            List<Change> changes = new ArrayList<>();
            fileChange(facts).ifPresent(changes::add);
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
            rcEnable(facts).ifPresent(changes::add);
            if (changes.isEmpty()) changes.add(Change.none(path));
            result.put("state", present ? "present" : "absent");
            return Planned.of(changes, result);
        }

        /**
         * Accounting is off: the kernel refuses every live rule, so only what the next boot reads is planned.
         * With {@code racct_enable}: kern.racct.enable="1" in /boot/loader.conf (or, when it is there already and
         * the host was not rebooted since, a change without steps that says so, so the reboot is still notified),
         * /etc/rctl.conf and rctl_enable for rc.d/rctl. Without it: one line naming the fix.
         */
        private Planned planForNextBoot(Facts facts, Map<String, Object> result) {
            String off = "RACCT is off in the running kernel (" + Racct.TUNABLE + "=0; rctl: RACCT/RCTL present, "
                    + "but disabled)";
            List<Change> changes = new ArrayList<>();
            if (!present) {
                // Nothing can be live without accounting: removing the rules from rctl.conf is all there is to do.
                fileChange(facts).ifPresent(changes::add);
                if (changes.isEmpty()) changes.add(Change.none(path));
                result.put("state", "absent");
                return Planned.of(changes, result);
            }
            if (!racctEnable) {
                return Planned.failed(off + ": set " + Racct.TUNABLE + "=\"1\" in " + Racct.LOADER_CONF
                        + " and reboot, or give this task racct_enable: true to do it", result);
            }
            Optional<String> later = Racct.overriddenLater(facts.get(Racct.LATER_ASSIGNMENTS), "1");
            if (later.isPresent()) {
                return Planned.failed(off + " and " + later.get() + " sets it again after " + Racct.LOADER_CONF
                        + ": remove that line, then run again", result);
            }
            LoaderTunable tunable = new LoaderTunable(Racct.TUNABLE, "1");
            Optional<byte[]> bytes = facts.content(loaderConfProbe());
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            String after = tunable.edit(before);
            if (!after.equals(before) || bytes.isEmpty()) {
                changes.add(new Change(bytes.isEmpty() ? Action.CREATE : Action.UPDATE, Racct.LOADER_CONF,
                        new Diff(Racct.LOADER_CONF, before, Racct.LOADER_CONF, after),
                        List.of(Step.WriteFile.of(Racct.LOADER_CONF, after.getBytes(StandardCharsets.UTF_8))),
                        List.of(Resource.path(Racct.LOADER_CONF))));
            } else {
                changes.add(new Change(Action.RUN, "reboot", Diff.of("kernel", Racct.TUNABLE + ": 0\n",
                        Racct.TUNABLE + ": 1 (at the next boot)\n"), List.of(), List.of()));
            }
            fileChange(facts).ifPresent(changes::add);
            rcEnable(facts).ifPresent(changes::add);
            result.put("state", "present");
            result.put("reboot_required", true);
            result.put("msg", off + ": reboot needed; " + tunable.line() + " is in " + Racct.LOADER_CONF
                    + " and the rules in " + path + ", which rc.d/rctl loads at boot; live rules were not touched");
            return Planned.of(changes, result);
        }

        /** rctl.conf with the rules in place, written atomically, when it differs. */
        private Optional<Change> fileChange(Facts facts) {
            Optional<byte[]> bytes = facts.content(fileProbe());
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            String after = editFile(before);
            if (after.equals(before) && !(bytes.isEmpty() && present)) return Optional.empty();
            return Optional.of(new Change(bytes.isEmpty() ? Action.CREATE : Action.UPDATE, path,
                    new Diff(path, before, path, after),
                    List.of(Step.WriteFile.of(path, after.getBytes(StandardCharsets.UTF_8))),
                    List.of(Resource.path(path))));
        }

        private Optional<Change> rcEnable(Facts facts) {
            if (!(enable && present)) return Optional.empty();
            return Optional.of(RcConfSetting.enabled("rctl_enable").change(facts)).filter(Change::changes);
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
