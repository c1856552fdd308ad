package dev.jprov.modules.freebsd;

import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts zfs_facts and zpool_facts make of {@code zfs get -H -o name,property,value} (or zpool's): one dict per
 * dataset or pool, in the order of the output, its properties in their order and {@code name} last, as those modules
 * build them (a defaultdict(dict) filled line by line, then {@code v.update({'name': k})}).
 */
record ZfsGetTable(List<Map<String, Object>> rows) {

    /** The fact module's result: {@code result} plus ansible_facts {FACT: the rows}, gathered as host facts. */
    static Planned gathered(String fact, String stdout, Map<String, Object> result) {
        Map<String, Object> facts = Map.of(fact, parse(stdout).rows());
        Map<String, Object> r = new LinkedHashMap<>(result);
        r.put("ansible_facts", facts);
        return Planned.ok(r).withEffects(RunEffects.gathers(facts));
    }

    static ZfsGetTable parse(String stdout) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 3) continue; // the modules' line.split('\t') unpacks exactly three fields
            byName.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byName.forEach((name, props) -> {
            props.put("name", name);
            out.add(props);
        });
        return new ZfsGetTable(List.copyOf(out));
    }
}
