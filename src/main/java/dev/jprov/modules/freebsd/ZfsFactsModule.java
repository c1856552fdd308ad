package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Cmd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.general.zfs_facts: the properties of a dataset (and, with recurse or depth, of its descendants) as the
 * fact {@code ansible_zfs_datasets}. Same commands as the module: {@code zfs list NAME} says whether it exists, then
 * {@code zfs get -H [-p] [-r] [-d N] -t TYPE -o name,property,value PROPERTIES NAME}. Read-only: one probe, no change.
 * In a jail it reports what the jail sees (only datasets delegated to it).
 */
public final class ZfsFactsModule implements Module {
    static final String NAME = "zfs_facts";

    @Override
    public List<String> names() {
        return List.of("community.general.zfs_facts", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.stringAliased("name", "ds", "dataset").orElseThrow(() -> args.missing("name"));
        boolean recurse = args.bool("recurse", false);
        boolean parsable = args.bool("parsable", false);
        String properties = args.string("properties", "all");
        String type = args.choice("type", "all", "all", "filesystem", "volume", "snapshot", "bookmark");
        long depth = args.integer("depth").orElse(0L);
        args.finish();
        Cmd get = Cmd.of("zfs", "get", "-H");
        if (parsable) get = get.plus("-p");
        if (recurse) get = get.plus("-r");
        if (depth != 0) get = get.plus("-d", Long.toString(depth));
        get = get.plus("-t", type, "-o", "name,property,value", properties, name);
        String script = "if " + Cmd.of("zfs", "list", name).toShell() + " >/dev/null 2>&1; then " + get.toShell()
                + "; else echo @absent; fi";
        Probe.Shell probe = new Probe.Shell(script, List.of(new Resource(Resource.Kind.DATASET, name)));
        return new ShellProbeInvocation() {
            @Override
            public Probe.Shell probe() {
                return probe;
            }

            @Override
            public Planned plan(ProbeAnswer answer) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", name);
                if (parsable) result.put("parsable", true);
                if (recurse) result.put("recurse", true);
                if (answer.stdout().equals("@absent\n")) {
                    return Planned.failed("ZFS dataset " + name + " does not exist!", result);
                }
                if (answer.exitCode() != 0) {
                    result.put("stderr", answer.stderr());
                    result.put("rc", answer.exitCode());
                    return Planned.failed("Error while trying to get facts about ZFS dataset: " + name, result);
                }
                return ZfsGetTable.gathered("ansible_zfs_datasets", answer.stdout(), result);
            }
        };
    }
}
