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
import java.util.Optional;

/**
 * community.general.zpool_facts: the properties of one pool, or of every imported pool, as the fact
 * {@code ansible_zfs_pools}. Same commands as the module: {@code zpool list NAME} when a pool is named, then
 * {@code zpool get -H [-p] -o name,property,value PROPERTIES [NAME]}. Read-only. In a jail it reports what the jail
 * sees: no pool unless a dataset is delegated to it.
 */
public final class ZpoolFactsModule implements Module {
    static final String NAME = "zpool_facts";

    @Override
    public List<String> names() {
        return List.of("community.general.zpool_facts", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> name = args.stringAliased("name", "pool", "zpool");
        boolean parsable = args.bool("parsable", false);
        String properties = args.string("properties", "all");
        args.finish();
        Cmd get = Cmd.of("zpool", "get", "-H");
        if (parsable) get = get.plus("-p");
        get = get.plus("-o", "name,property,value", properties);
        if (name.isPresent()) get = get.plus(name.get());
        String script = name.isEmpty() ? get.toShell()
                : "if " + Cmd.of("zpool", "list", name.get()).toShell() + " >/dev/null 2>&1; then " + get.toShell()
                        + "; else echo @absent; fi";
        // Every pool when none is named: any write may change what it reads.
        Probe.Shell probe = new Probe.Shell(script,
                List.of(name.map(n -> new Resource(Resource.Kind.DATASET, n)).orElse(Resource.ANY)));
        return new ShellProbeInvocation() {
            @Override
            public Probe.Shell probe() {
                return probe;
            }

            @Override
            public Planned plan(ProbeAnswer answer) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("name", name.orElse(null));
                if (parsable) result.put("parsable", true);
                if (answer.stdout().equals("@absent\n")) {
                    return Planned.failed("ZFS pool " + name.get() + " does not exist!", result);
                }
                if (answer.exitCode() != 0) {
                    // run_command(check_rc=True): the command's stderr is the message
                    result.put("rc", answer.exitCode());
                    result.put("stderr", answer.stderr());
                    result.put("stdout", answer.stdout());
                    String err = answer.stderr().strip();
                    return Planned.failed(err.isEmpty() ? "zpool get exited " + answer.exitCode() : err, result);
                }
                return ZfsGetTable.gathered("ansible_zfs_pools", answer.stdout(), result);
            }
        };
    }
}
