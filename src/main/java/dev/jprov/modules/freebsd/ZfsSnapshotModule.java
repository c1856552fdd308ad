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
import java.util.List;
import java.util.Map;

/**
 * A ZFS snapshot present (zfs snapshot [-r]), absent (zfs destroy [-r]) or rolled back to (zfs rollback -r).
 * Names with a run id or date come from the task's template ({@code name: "pre-update-{{ jprov_run_id }}"}):
 * modules read no clock. "Rolled back" means the snapshot is the dataset's newest and nothing was written since
 * it ({@code written} is 0), so a second run after a rollback plans nothing.
 */
public final class ZfsSnapshotModule implements Module {
    static final String NAME = "zfs_snapshot";

    enum State { PRESENT, ABSENT, ROLLED_BACK }

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.zfs_snapshot");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String nameArg = args.requireString("name", "snapshot");
        String datasetArg = args.string("dataset").orElse(null);
        String stateArg = args.choice("state", "present", "present", "absent", "rolled_back");
        boolean recursive = args.bool("recursive", false);
        args.finish();
        String dataset;
        String snap;
        int at = nameArg.indexOf('@');
        if (at >= 0) {
            // name: pool/ds@snap is accepted as well as dataset + name.
            if (datasetArg != null && !datasetArg.equals(nameArg.substring(0, at))) {
                throw new ArgsException(NAME + ": name '" + nameArg + "' names another dataset than dataset '"
                        + datasetArg + "'");
            }
            dataset = nameArg.substring(0, at);
            snap = nameArg.substring(at + 1);
        } else {
            if (datasetArg == null) throw new ArgsException(NAME + ": dataset is required unless name is dataset@snapshot");
            dataset = datasetArg;
            snap = nameArg;
        }
        ZfsName.dataset(NAME, "dataset", dataset);
        ZfsName.snapshot(NAME, "name", snap);
        State state = State.valueOf(stateArg.toUpperCase(java.util.Locale.ROOT));
        if (state == State.ROLLED_BACK && recursive) {
            throw new ArgsException(NAME + ": recursive does not apply to state=rolled_back (zfs rollback acts on "
                    + "one dataset; -r there destroys newer snapshots, which jprov always does)");
        }
        return new SnapshotCall(dataset, snap, state, recursive);
    }

    record SnapshotCall(String dataset, String snap, State state, boolean recursive) implements ShellProbeInvocation {
        String full() {
            return dataset + "@" + snap;
        }

        public Probe.Shell probe() {
            // The dataset's own snapshots oldest first, then its mountpoint and the bytes written since the newest.
            String script = ShellScript.fill("zfs list -H -p -t snapshot -o name -s createtxg -d 1 {}", dataset)
                    + " && echo @props && "
                    + ShellScript.fill("zfs get -H -p -o property,value mountpoint,written {}", dataset);
            return new Probe.Shell(script, List.of(new Resource(Resource.Kind.DATASET, dataset)));
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dataset", dataset);
            result.put("snapshot", full());
            result.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            if (!a.ok()) {
                return Planned.failed(NAME + ": cannot read the snapshots of " + dataset + ": " + a.stderr().strip(),
                        result);
            }
            List<String> snapshots = new ArrayList<>();
            Map<String, String> props = new LinkedHashMap<>();
            boolean inProps = false;
            for (String line : a.stdout().split("\n")) {
                if (line.isEmpty()) continue;
                if (line.equals("@props")) {
                    inProps = true;
                } else if (inProps) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) props.put(line.substring(0, tab), line.substring(tab + 1));
                } else {
                    snapshots.add(line);
                }
            }
            boolean exists = snapshots.contains(full());
            result.put("exists", exists);
            Resource ds = new Resource(Resource.Kind.DATASET, dataset);
            String r = recursive ? "-r" : null;
            return switch (state) {
                case PRESENT -> exists ? none(result) : change(Action.CREATE, result,
                        cmd("snapshot", r, full()), "", full() + "\n", List.of(ds), full() + ": created");
                case ABSENT -> !exists ? none(result) : change(Action.DELETE, result,
                        cmd("destroy", r, full()), full() + "\n", "", List.of(ds), full() + ": destroyed");
                case ROLLED_BACK -> rollback(snapshots, props, result, ds);
            };
        }

        private Planned rollback(List<String> snapshots, Map<String, String> props, Map<String, Object> result,
                                 Resource ds) {
            if (!snapshots.contains(full())) {
                return Planned.failed(NAME + ": cannot roll back to " + full() + ": no such snapshot", result);
            }
            List<String> newer = snapshots.subList(snapshots.indexOf(full()) + 1, snapshots.size());
            String written = props.getOrDefault("written", "0");
            if (newer.isEmpty() && written.equals("0")) return none(result);
            StringBuilder before = new StringBuilder(dataset).append(" (written since ").append(snap).append(": ")
                    .append(ZfsSize.nice(parseLong(written))).append(")\n");
            for (String n : newer) before.append(n).append('\n');
            List<Resource> writes = new ArrayList<>(List.of(ds));
            String mp = props.getOrDefault("mountpoint", "");
            if (mp.startsWith("/")) writes.add(Resource.path(mp));
            result.put("destroyed_snapshots", List.copyOf(newer));
            return change(Action.UPDATE, result, cmd("rollback", "-r", full()), before.toString(),
                    dataset + " (at " + snap + ")\n", writes, dataset + ": rolled back to " + snap
                            + (newer.isEmpty() ? "" : ", destroying " + String.join(", ", newer)));
        }

        private static long parseLong(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private static Cmd cmd(String verb, String flag, String target) {
            return flag == null ? Cmd.of("zfs", verb, target) : Cmd.of("zfs", verb, flag, target);
        }

        private Planned none(Map<String, Object> result) {
            return Planned.of(List.of(Change.none(full())), result);
        }

        private Planned change(Action action, Map<String, Object> result, Cmd cmd, String before, String after,
                               List<Resource> writes, String msg) {
            result.put("msg", msg);
            Change c = new Change(action, full(), new Diff(full(), before, full(), after), List.of(Step.Exec.of(cmd)),
                    writes);
            return Planned.of(List.of(c), result);
        }
    }
}
