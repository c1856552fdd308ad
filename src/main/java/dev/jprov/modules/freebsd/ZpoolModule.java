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
import dev.jprov.plan.Step;
import dev.jprov.pyformat.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * community.general.zpool (plugins/modules/zpool.py): a pool present with its vdevs, pool properties and root
 * filesystem properties, or absent. The probe runs what the module reads ({@code zpool list}, {@code zpool status
 * -P -L}, {@code zpool get -H -o property,value all}, {@code zfs get -H -o property,value all}); the plan is the
 * module's commands: {@code zpool create} with -d -f -o -O -m -R -t, or {@code zpool add} of the vdevs the pool
 * lacks, {@code zpool remove} of those holding disks no longer listed, {@code zpool set} / {@code zfs set} of each
 * property whose value differs, or {@code zpool destroy}. Its result carries the module's diff dict; the change's
 * diff is that dict as Ansible's diff callback prints it.
 */
public final class ZpoolModule implements Module {
    static final String NAME = "zpool";
    private static final Set<String> VDEV_KEYS = Set.of("role", "type", "disks");
    private static final PythonJson JSON = PythonJson.dumps(4, true, true);

    @Override
    public List<String> names() {
        return List.of("community.general.zpool", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        String state = args.choice("state", "present", "present", "absent");
        boolean disableNewFeatures = args.bool("disable_new_features", false);
        boolean force = args.bool("force", false);
        Map<String, String> poolProps = properties(args.map("pool_properties"));
        Map<String, String> fsProps = properties(args.map("filesystem_properties"));
        Optional<String> mountpoint = args.string("mountpoint");
        Optional<String> altroot = args.string("altroot");
        Optional<String> tempName = args.string("temp_name");
        Optional<Object> vdevsArg = args.value("vdevs");
        args.finish();
        if (state.equals("present") && vdevsArg.isEmpty()) {
            throw new ArgsException("state is present but all of the following are missing: vdevs");
        }
        List<ZpoolVdev> vdevs = vdevsArg.isPresent() ? vdevs(vdevsArg.get()) : List.of();
        if (state.equals("present")) {
            for (int i = 0; i < vdevs.size(); i++) {
                if (vdevs.get(i).disks().isEmpty()) {
                    throw new ArgsException("vdev #" + (i + 1) + ": at least one disk is required (got: [])");
                }
            }
        }
        List<String> create = new ArrayList<>(List.of("zpool", "create"));
        if (disableNewFeatures) create.add("-d");
        if (force) create.add("-f");
        poolProps.forEach((k, v) -> create.addAll(List.of("-o", k + "=" + v)));
        fsProps.forEach((k, v) -> create.addAll(List.of("-O", k + "=" + v)));
        mountpoint.ifPresent(m -> create.addAll(List.of("-m", m)));
        altroot.ifPresent(r -> create.addAll(List.of("-R", r)));
        tempName.ifPresent(t -> create.addAll(List.of("-t", t)));
        create.add(name);
        for (ZpoolVdev v : vdevs) create.addAll(v.words());
        return new Call(name, state.equals("present"), force, poolProps, fsProps, vdevs, Cmd.of(create),
                mountpoint.orElse("/" + name));
    }

    /** The module turns booleans into on/off and compares every value as str(value). */
    private static Map<String, String> properties(Map<String, Object> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, v instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(v)));
        return out;
    }

    private static List<ZpoolVdev> vdevs(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new ArgsException("argument 'vdevs' of zpool must be a list of dicts, got " + raw);
        }
        List<ZpoolVdev> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) throw new ArgsException("Elements value for option 'vdevs' is of type "
                    + "str and we were unable to convert to dict: " + o);
            for (Object k : m.keySet()) {
                if (!VDEV_KEYS.contains(String.valueOf(k))) {
                    throw new ArgsException("Unsupported parameters for (zpool) module: vdevs." + k
                            + ". Supported parameters include: disks, role, type.");
                }
            }
            Args a = new Args(NAME, castKeys(m));
            Optional<String> role = a.string("role");
            if (role.isPresent() && !ZpoolVdev.ROLES.contains(role.get())) {
                throw new ArgsException("value of role must be one of: " + String.join(", ", ZpoolVdev.ROLES)
                        + ", got: " + role.get() + " found in vdevs");
            }
            String type = a.string("type").orElse("stripe");
            if (!ZpoolVdev.TYPES.contains(type)) {
                throw new ArgsException("value of type must be one of: " + String.join(", ", ZpoolVdev.TYPES)
                        + ", got: " + type + " found in vdevs");
            }
            if (!a.has("disks")) throw new ArgsException("missing required arguments: disks found in vdevs");
            out.add(new ZpoolVdev(role, type, a.list("disks")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castKeys(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    record Call(String name, boolean present, boolean force, Map<String, String> poolProps,
                Map<String, String> fsProps, List<ZpoolVdev> vdevs, Cmd create, String mountpoint)
            implements ShellProbeInvocation {

        @Override
        public Probe.Shell probe() {
            String script = "if " + Cmd.of("zpool", "list", name).toShell() + " >/dev/null 2>&1; then echo @status; "
                    + Cmd.of("zpool", "status", "-P", "-L", name).toShell() + " && echo @pool && "
                    + Cmd.of("zpool", "get", "-H", "-o", "property,value", "all", name).toShell() + " && echo @fs && "
                    + Cmd.of("zfs", "get", "-H", "-o", "property,value", "all", name).toShell()
                    + "; else echo @absent; fi";
            return new Probe.Shell(script, List.of(new Resource(Resource.Kind.DATASET, name)));
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("state", present ? "present" : "absent");
            String out = answer.stdout();
            boolean exists = !out.equals("@absent\n");
            if (exists && (answer.exitCode() != 0 || !out.contains("@fs\n"))) {
                return Planned.failed(answer.stderr().strip(), result);
            }
            Map<String, Object> diff = new LinkedHashMap<>();
            List<Change> changes = new ArrayList<>();
            String subject = "zpool " + name;
            if (!exists && !present) {
                changes.add(Change.none(subject));
            } else if (!exists) {
                diff.put("before", Map.of("state", "absent", "vdevs", List.of()));
                diff.put("after", Map.of("state", "present", "vdevs", ZpoolVdev.dicts(ZpoolVdev.normalize(vdevs))));
                changes.add(change(Action.CREATE, subject, diff, List.of(Step.Exec.of(create)),
                        List.of(new Resource(Resource.Kind.DATASET, name), Resource.path(mountpoint))));
            } else {
                String status = section(out, "@status\n", "@pool\n");
                ZpoolStatus parsed = ZpoolStatus.of(name, status);
                if (!present) {
                    diff.put("before", Map.of("state", "present", "vdevs", ZpoolVdev.dicts(parsed.layout())));
                    diff.put("after", Map.of("state", "absent", "vdevs", List.of()));
                    // Destroying a pool removes every file of its datasets, wherever they are mounted.
                    changes.add(change(Action.DELETE, subject, diff,
                            List.of(Step.Exec.of(Cmd.of("zpool", "destroy", name))), List.of(Resource.ANY)));
                } else {
                    changes.add(update(subject, parsed, ZpoolStatus.properties(section(out, "@pool\n", "@fs\n")),
                            ZpoolStatus.properties(section(out, "@fs\n", null)), diff));
                }
            }
            diff.put("before_header", name);
            diff.put("after_header", name);
            result.put("diff", diff);
            return Planned.of(changes, result);
        }

        private Change update(String subject, ZpoolStatus status, Map<String, String> pool, Map<String, String> fs,
                              Map<String, Object> diff) {
            List<ZpoolVdev> current = ZpoolVdev.normalize(status.layout());
            List<ZpoolVdev> desired = ZpoolVdev.normalize(vdevs);
            List<Step> steps = new ArrayList<>();
            List<ZpoolVdev> toAdd = desired.stream().filter(v -> !current.contains(v)).toList();
            if (!toAdd.isEmpty()) {
                // zpool add takes only ashift of the pool properties (the module warns about the others)
                List<String> add = new ArrayList<>(List.of("zpool", "add"));
                if (force) add.add("-f");
                if (poolProps.containsKey("ashift")) add.addAll(List.of("-o", "ashift=" + poolProps.get("ashift")));
                add.add(name);
                for (ZpoolVdev v : toAdd) add.addAll(v.words());
                steps.add(Step.Exec.of(Cmd.of(add)));
            }
            List<String> remove = status.toRemove(vdevs);
            if (!remove.isEmpty()) steps.add(Step.Exec.of(Cmd.of("zpool", "remove", name).plus(remove)));
            Map<String, Object> poolBefore = new LinkedHashMap<>();
            Map<String, Object> poolAfter = new LinkedHashMap<>();
            setDiffering("zpool", poolProps, pool, poolBefore, poolAfter, steps);
            Map<String, Object> fsBefore = new LinkedHashMap<>();
            Map<String, Object> fsAfter = new LinkedHashMap<>();
            setDiffering("zfs", fsProps, fs, fsBefore, fsAfter, steps);
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("vdevs", ZpoolVdev.dicts(current));
            before.put("pool_properties", poolBefore);
            before.put("filesystem_properties", fsBefore);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("vdevs", ZpoolVdev.dicts(desired));
            after.put("pool_properties", poolAfter);
            after.put("filesystem_properties", fsAfter);
            diff.put("before", before);
            diff.put("after", after);
            if (steps.isEmpty()) return Change.none(subject);
            return change(Action.UPDATE, subject, diff, steps, List.of(new Resource(Resource.Kind.DATASET, name)));
        }

        /** set_*_properties_if_changed: one {@code TOOL set prop=value NAME} per value that differs (as str). */
        private void setDiffering(String tool, Map<String, String> wanted, Map<String, String> current,
                                  Map<String, Object> before, Map<String, Object> after, List<Step> steps) {
            wanted.forEach((k, v) -> {
                if (!v.equals(current.get(k))) {
                    before.put(k, current.get(k));
                    after.put(k, v);
                    steps.add(Step.Exec.of(Cmd.of(tool, "set", k + "=" + v, name)));
                }
            });
        }

        private static Change change(Action action, String subject, Map<String, Object> diff, List<Step> steps,
                                     List<Resource> writes) {
            Diff d = new Diff(subject, JSON.write(diff.get("before")) + "\n", subject,
                    JSON.write(diff.get("after")) + "\n");
            return new Change(action, subject, d, steps, writes);
        }

        private static String section(String out, String start, String end) {
            int s = out.indexOf(start) + start.length();
            int e = end == null ? out.length() : out.indexOf(end, s);
            return out.substring(s, e < 0 ? out.length() : e);
        }
    }
}
