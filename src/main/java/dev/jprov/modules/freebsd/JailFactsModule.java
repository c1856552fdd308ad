package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the FreeBSD facts ({@link FreeBsdFacts}) into ansible_facts, so later tasks can use {@code jails},
 * {@code zfs_datasets}, {@code pf_enabled} ... Changes nothing.
 */
public final class JailFactsModule implements Module {
    static final String NAME = "jail_facts";

    @Override
    public List<String> names() {
        return List.of(NAME, "freebsd_facts", "jprov.freebsd.jail_facts", "jprov.freebsd.freebsd_facts");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> prefix = args.stringAliased("datasets", "dataset_prefix", "prefix");
        args.finish();
        prefix.ifPresent(p -> ZfsName.dataset(NAME, "datasets", p));
        Probe.Shell probe = FreeBsdFacts.probe(prefix);
        return new Invocation() {
            @Override
            public List<Probe> probes() {
                return List.of(probe);
            }

            @Override
            public Planned plan(Facts facts) {
                ProbeAnswer a = facts.get(probe);
                if (!a.stdout().contains("@end")) {
                    return Planned.failed(NAME + ": the facts probe stopped early: " + a.stderr().strip(), Map.of());
                }
                Map<String, Object> gathered = FreeBsdFacts.parse(a);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ansible_facts", gathered);
                return Planned.ok(result).withEffects(RunEffects.gathers(gathered));
            }
        };
    }
}
