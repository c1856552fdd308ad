package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One vdev of community.general.zpool's {@code vdevs}: an optional class (log, cache, spare, dedup, special), a
 * topology (stripe, mirror, raidz1-3) and its disks. The module compares layouts after its normalize_vdevs: raidz
 * read as raidz1, disks sorted, the list sorted by (role, type, disks).
 */
record ZpoolVdev(Optional<String> role, String type, List<String> disks) {

    static final List<String> ROLES = List.of("log", "cache", "spare", "dedup", "special");
    static final List<String> TYPES = List.of("stripe", "mirror", "raidz", "raidz1", "raidz2", "raidz3");

    ZpoolVdev {
        disks = List.copyOf(disks);
    }

    ZpoolVdev normalized() {
        List<String> sorted = new ArrayList<>(disks);
        sorted.sort(Comparator.naturalOrder());
        return new ZpoolVdev(role, type.equals("raidz") ? "raidz1" : type, sorted);
    }

    /** The command-line words of this vdev, as the module's vdevs formatter writes them: [role] [type] disks. */
    List<String> words() {
        List<String> w = new ArrayList<>();
        role.ifPresent(w::add);
        if (!type.equals("stripe")) w.add(type);
        w.addAll(disks);
        return w;
    }

    /** The dict the module's diff shows. */
    Map<String, Object> asDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("disks", disks);
        role.ifPresent(r -> m.put("role", r));
        return m;
    }

    static List<ZpoolVdev> normalize(List<ZpoolVdev> vdevs) {
        List<ZpoolVdev> out = new ArrayList<>();
        for (ZpoolVdev v : vdevs) out.add(v.normalized());
        out.sort(Comparator.comparing((ZpoolVdev v) -> v.role().orElse(""))
                .thenComparing(ZpoolVdev::type)
                .thenComparing(ZpoolVdev::disks, ZpoolVdev::compareLists));
        return out;
    }

    static List<Map<String, Object>> dicts(List<ZpoolVdev> vdevs) {
        return vdevs.stream().map(ZpoolVdev::asDict).toList();
    }

    /** Python's comparison of two lists of str. */
    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
