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
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named, numbered devfs ruleset: its {@code [NAME=NUMBER]} section of /etc/devfs.rules (other sections
 * untouched) and the live ruleset. The live one is compared with what the file says ({@code devfs rule -s N
 * show}) and reloaded with {@code devfs rule -s N delset} and one {@code devfs rule -s N add} per rule, as
 * rc.subr's devfs_rulesets_from_file does at boot, so no other ruleset is touched (service devfs restart would
 * reload them all). Jails that already mounted their /dev keep the old rules until they restart (devfs(8)).
 */
public final class DevfsRulesetModule implements Module {
    static final String NAME = "devfs_ruleset";
    static final String DEFAULTS = "/etc/defaults/devfs.rules";
    private static final Pattern RULESET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** FreeBSD 14's /etc/defaults/devfs.rules names, for hosts where that file cannot be read. */
    static final Map<String, Integer> BUILT_IN = Map.of("devfsrules_hide_all", 1, "devfsrules_unhide_basic", 2,
            "devfsrules_unhide_login", 3, "devfsrules_jail", 4, "devfsrules_jail_vnet", 5);

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.devfs_ruleset");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        long number = args.integer("number", "ruleset").orElseThrow(() -> args.missing("number"));
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        List<String> lines = args.list("rules");
        String path = args.string("path", "/etc/devfs.rules");
        boolean apply = args.bool("apply", true);
        args.finish();
        if (!RULESET_NAME.matcher(name).matches()) {
            throw new ArgsException(NAME + ": name '" + name + "' must be letters, digits and '_' (not first digit)");
        }
        if (number < 1 || number > 65535) throw new ArgsException(NAME + ": number must be 1..65535, got " + number);
        if (!path.startsWith("/")) throw new ArgsException(NAME + ": path must be absolute");
        if (present && lines.isEmpty()) throw new ArgsException(NAME + ": rules must not be empty for state=present");
        List<DevfsRule> rules = new ArrayList<>();
        int i = 0;
        for (String l : lines) {
            i++;
            try {
                rules.add(DevfsRule.parse(l));
            } catch (DevfsRule.Invalid e) {
                throw new ArgsException(NAME + ": rules[" + i + "]: " + e.getMessage());
            }
        }
        return new Plan(name, (int) number, present, rules, path, apply);
    }

    record Plan(String name, int number, boolean present, List<DevfsRule> rules, String path, boolean apply)
            implements Invocation {

        Probe.Shell live() {
            return new Probe.Shell(Cmd.of("devfs", "rule", "-s", Integer.toString(number), "show").toShell(),
                    List.of(new Resource(Resource.Kind.DEVFS, Integer.toString(number))));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> p = new ArrayList<>(List.of(Probe.FileContent.whole(path),
                    Probe.FileContent.whole(DEFAULTS)));
            if (apply) p.add(live());
            return p;
        }

        String section() {
            StringBuilder s = new StringBuilder("[").append(name).append('=').append(number).append("]\n");
            for (DevfsRule r : rules) s.append(r.line()).append('\n');
            return s.toString();
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("number", number);
            Optional<byte[]> bytes = facts.content(Probe.FileContent.whole(path));
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            DevfsRulesSections file = new DevfsRulesSections(before);
            for (DevfsRulesSections.Section s : file.sections()) {
                if (s.number() == number && !s.name().equals(name)) {
                    return Planned.failed(path + " line " + (s.firstLine() + 1) + ": ruleset " + number
                            + " is already named " + s.name(), result);
                }
            }
            Optional<DevfsRulesSections.Section> old = file.named(name);
            String oldSection = old.map(file::text).orElse("");
            String after;
            if (present) {
                after = oldSection.equals(section()) ? before : file.with(old, section());
            } else {
                after = old.map(file::without).orElse(before);
            }
            List<Change> changes = new ArrayList<>();
            String subject = path + " [" + name + "=" + number + "]";
            if (!after.equals(before)) {
                Action action = !present ? Action.DELETE : old.isPresent() ? Action.UPDATE : Action.CREATE;
                changes.add(new Change(action, subject, new Diff(subject, oldSection, subject,
                        present ? section() : ""), List.of(Step.WriteFile.of(path, after.getBytes(StandardCharsets.UTF_8))),
                        List.of(Resource.path(path))));
            }
            if (apply) {
                ProbeAnswer show = facts.get(live());
                if (!show.ok()) return Planned.failed("devfs rule -s " + number + " show failed: " + show.stderr().strip(), result);
                List<String> liveLines = show.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                Map<String, Integer> names = new LinkedHashMap<>(BUILT_IN);
                Optional<byte[]> defaults = facts.content(Probe.FileContent.whole(DEFAULTS));
                defaults.ifPresent(b -> names.putAll(new DevfsRulesSections(new String(b, StandardCharsets.UTF_8)).numbers()));
                names.putAll(new DevfsRulesSections(after).numbers());
                List<String> wanted = new ArrayList<>();
                ShellScript load = ShellScript.create();
                load.cmd(Cmd.of("devfs", "rule", "-s", Integer.toString(number), "delset"));
                try {
                    int n = 0;
                    for (DevfsRule r : present ? rules : List.<DevfsRule>of()) {
                        n = r.number().orElse(n + 100);
                        wanted.add(r.shown(n, names));
                        load.cmd(Cmd.of("devfs", "rule", "-s", Integer.toString(number), "add").plus(r.words(names)));
                    }
                } catch (DevfsRule.Invalid e) {
                    return Planned.failed(e.getMessage(), result);
                }
                if (!wanted.equals(liveLines)) {
                    String live = "ruleset " + number + " (live)";
                    changes.add(new Change(present ? Action.UPDATE : Action.DELETE, live,
                            Diff.of(live, lines(liveLines), lines(wanted)),
                            List.of(new Step.Exec(joined(load), present ? "devfs rule -s " + number
                                    + " delset; add " + rules.size() + " rule(s)" : "devfs rule -s " + number + " delset",
                                    false)),
                            List.of(new Resource(Resource.Kind.DEVFS, Integer.toString(number)))));
                }
            }
            if (changes.isEmpty()) changes.add(Change.none(subject));
            return Planned.of(changes, result);
        }

        /** Stops at the first failing devfs call, leaving the ruleset as far as it got (the file is the truth). */
        private static String joined(ShellScript load) {
            return String.join(" &&\n", load.text().split("\n"));
        }

        private static String lines(List<String> l) {
            return l.isEmpty() ? "" : String.join("\n", l) + "\n";
        }
    }
}
