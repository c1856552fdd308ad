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
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * community.general.zfs: a dataset present (created, or its asked properties set) or absent (destroyed).
 * One probe reads only the asked properties with {@code zfs get -H -p}; a missing dataset's probe also finds the
 * mountpoint it will inherit, so the change can name the path it mounts over.
 */
public final class ZfsModule implements Module {
    static final String NAME = "zfs";

    @Override
    public List<String> names() {
        return List.of(NAME, "community.general.zfs", "jprov.freebsd.zfs");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = ZfsName.dataset(NAME, "name", args.requireString("name"));
        String stateArg = args.string("state").orElseThrow(() -> args.missing("state"));
        if (!stateArg.equals("present") && !stateArg.equals("absent")) {
            throw new ArgsException("value of state must be one of: present, absent, got: " + stateArg);
        }
        boolean present = stateArg.equals("present");
        Optional<String> origin = args.string("origin");
        ZfsProperties props = ZfsProperties.read(NAME, args.map("extra_zfs_properties"));
        boolean recursive = args.bool("recursive", false);
        args.finish();
        if (origin.isPresent()) {
            String o = origin.get();
            int at = o.indexOf('@');
            if (at < 0) throw new ArgsException(NAME + ": origin '" + o + "' must be a snapshot (dataset@name)");
            ZfsName.dataset(NAME, "origin", o.substring(0, at));
            ZfsName.snapshot(NAME, "origin", o.substring(at + 1));
        }
        if (!present && !props.given().isEmpty()) {
            throw new ArgsException(NAME + ": extra_zfs_properties make no sense with state=absent");
        }
        return new ZfsCall(name, present, origin, props, recursive);
    }

    record ZfsCall(String name, boolean present, Optional<String> origin, ZfsProperties props, boolean recursive)
            implements ShellProbeInvocation {

        /** The properties to read: type and mountpoint always (for the result and the paths), then the asked ones. */
        List<String> readList() {
            Set<String> list = new LinkedHashSet<>(List.of("type", "mountpoint"));
            list.addAll(props.normalised().keySet());
            return List.copyOf(list);
        }

        public Probe.Shell probe() {
            String get = ShellScript.fill("zfs get -H -p -o property,value,source {} {}",
                    String.join(",", readList()), name);
            StringBuilder s = new StringBuilder("if ").append(get).append("; then :; else jpf_rc=$?");
            List<String> ancestors = ZfsName.ancestors(name);
            if (present && !ancestors.isEmpty()) {
                // Only for a dataset about to be created: the mountpoint it inherits from the nearest parent.
                s.append("; for jpf_a in");
                for (String a : ancestors) s.append(' ').append(ShellScript.quote(a));
                s.append("; do if jpf_m=$(zfs get -H -p -o value mountpoint \"$jpf_a\" 2>/dev/null); then ")
                        .append("printf 'ancestor\\t%s\\t%s\\n' \"$jpf_a\" \"$jpf_m\"; break; fi; done");
            }
            s.append("; (exit $jpf_rc); fi");
            return new Probe.Shell(s.toString(), List.of(new Resource(Resource.Kind.DATASET, name)));
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            Map<String, String> current = new LinkedHashMap<>();
            Optional<String[]> ancestor = Optional.empty();
            for (String line : a.stdout().split("\n")) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                if (f[0].equals("ancestor") && f.length == 3) {
                    ancestor = Optional.of(f);
                } else if (f.length >= 3) {
                    // property TAB value TAB source; a user property's value may itself hold tabs.
                    current.put(f[0], line.substring(f[0].length() + 1, line.lastIndexOf('\t')));
                }
            }
            boolean exists = a.ok();
            if (!exists && !a.stderr().contains("dataset does not exist")) {
                return Planned.failed("zfs get " + name + " failed: " + a.stderr().strip(), Map.of("name", name));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("state", present ? "present" : "absent");
            if (!present) return exists ? destroy(current, result) : noop(result);
            return exists ? update(current, result) : create(ancestor, result);
        }

        private Planned noop(Map<String, Object> result) {
            return Planned.of(List.of(Change.none(name)), result);
        }

        private Planned create(Optional<String[]> ancestor, Map<String, Object> result) {
            List<String> argv = new ArrayList<>();
            String volsize = props.given().get("volsize");
            if (origin.isPresent()) {
                argv.addAll(List.of("zfs", "clone", "-p"));
            } else {
                argv.addAll(List.of("zfs", "create", "-p"));
                if (volsize != null) argv.addAll(List.of("-V", volsize));
            }
            StringBuilder after = new StringBuilder(name).append(origin.map(o -> " (clone of " + o + ")")
                    .orElse(" (new dataset)")).append('\n');
            for (var e : props.given().entrySet()) {
                after.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                if (e.getKey().equals("volsize")) continue;
                argv.add("-o");
                argv.add(e.getKey() + "=" + e.getValue());
            }
            origin.ifPresent(argv::add);
            argv.add(name);
            List<Resource> writes = new ArrayList<>();
            writes.add(new Resource(Resource.Kind.DATASET, name));
            mountpointOf(ancestor).ifPresent(mp -> writes.add(Resource.path(mp)));
            Change c = new Change(Action.CREATE, name, new Diff(name, "", name, after.toString()),
                    List.of(Step.Exec.of(Cmd.of(argv))), writes);
            result.put("msg", name + ": created" + origin.map(o -> " as a clone of " + o).orElse(""));
            result.put("properties", props.given());
            return Planned.of(List.of(c), result);
        }

        /** Where the new dataset mounts: its mountpoint property, else the nearest parent's plus the rest. */
        private Optional<String> mountpointOf(Optional<String[]> ancestor) {
            String mp = props.normalised().get("mountpoint");
            if (mp != null) return mp.startsWith("/") ? Optional.of(mp) : Optional.empty();
            if (ancestor.isEmpty()) return Optional.empty();
            String parent = ancestor.get()[1];
            String parentMp = ancestor.get()[2];
            if (!parentMp.startsWith("/")) return Optional.empty();
            String rest = name.substring(parent.length() + 1);
            return Optional.of(parentMp.equals("/") ? "/" + rest : parentMp + "/" + rest);
        }

        private Planned update(Map<String, String> current, Map<String, Object> result) {
            List<String> assignments = new ArrayList<>();
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            List<String> msg = new ArrayList<>();
            Map<String, Object> changed = new LinkedHashMap<>();
            for (var e : props.normalised().entrySet()) {
                String prop = e.getKey();
                String now = current.getOrDefault(prop, "-");
                if (now.equals(e.getValue())) continue;
                String wanted = props.given().get(prop);
                String shown = ZfsProperties.display(prop, now);
                assignments.add(prop + "=" + wanted);
                before.append(prop).append(": ").append(shown).append('\n');
                after.append(prop).append(": ").append(wanted).append('\n');
                msg.add(name + ": " + prop + ": " + shown + " -> " + wanted);
                changed.put(prop, Map.of("before", shown, "after", wanted));
            }
            result.put("type", current.getOrDefault("type", ""));
            result.put("mountpoint", current.getOrDefault("mountpoint", ""));
            if (assignments.isEmpty()) return noop(result);
            List<Resource> writes = new ArrayList<>();
            writes.add(new Resource(Resource.Kind.DATASET, name));
            String oldMp = current.getOrDefault("mountpoint", "");
            if (oldMp.startsWith("/")) writes.add(Resource.path(oldMp));
            String newMp = props.normalised().get("mountpoint");
            if (newMp != null && newMp.startsWith("/") && !newMp.equals(oldMp)) writes.add(Resource.path(newMp));
            Cmd set = Cmd.of("zfs", "set").plus(assignments).plus(name);
            Change c = new Change(Action.UPDATE, name, new Diff(name, before.toString(), name, after.toString()),
                    List.of(Step.Exec.of(set)), writes);
            result.put("msg", String.join("\n", msg));
            result.put("changed_properties", changed);
            return Planned.of(List.of(c), result);
        }

        private Planned destroy(Map<String, String> current, Map<String, Object> result) {
            String mp = current.getOrDefault("mountpoint", "");
            Cmd cmd = recursive ? Cmd.of("zfs", "destroy", "-r", name) : Cmd.of("zfs", "destroy", name);
            List<Resource> writes = new ArrayList<>();
            writes.add(new Resource(Resource.Kind.DATASET, name));
            if (mp.startsWith("/")) writes.add(Resource.path(mp));
            String before = name + " (" + current.getOrDefault("type", "dataset")
                    + (mp.isEmpty() ? "" : ", mountpoint " + mp) + ")\n";
            Change c = new Change(Action.DELETE, name, new Diff(name, before, name, ""), List.of(Step.Exec.of(cmd)),
                    writes);
            result.put("msg", name + ": destroyed" + (recursive ? " with its children and snapshots" : ""));
            return Planned.of(List.of(c), result);
        }
    }
}
