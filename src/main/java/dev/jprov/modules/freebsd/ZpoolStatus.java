package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What community.general.zpool reads from {@code zpool status -P -L POOL}: the layout (get_current_layout) and the
 * top-level vdevs with the names zpool remove takes (list_vdevs_with_names). Both parsers are the module's, line by
 * line and with its simplifications (a device is a word starting with "/", a partition's disk is the device:
 * base_device), so jprov plans the same commands from the same output.
 */
record ZpoolStatus(String pool, List<String> lines) {
    private static final Pattern GROUP = Pattern.compile("^(mirror|raidz\\d?)-\\d+$");
    private static final Pattern LOOP = Pattern.compile("^(/dev/loop\\d+)$");
    private static final Pattern PARTITION = Pattern.compile("^(.*?)(p\\d+)$");
    private static final Pattern SCSI = Pattern.compile("^(/dev/(?:sd|vd)[a-z])\\d+$");
    private static final Set<String> CLASSES = Set.of("logs", "cache", "spares", "special", "dedup");

    static ZpoolStatus of(String pool, String output) {
        return new ZpoolStatus(pool, List.of(output.split("\n")));
    }

    /** A top-level vdev as list_vdevs_with_names gives it. */
    record Named(String name, String type, List<String> disks) {}

    /** The config section's lines (after "config:", without blank lines and the NAME header). */
    private List<String[]> config() {
        List<String[]> out = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (!in) {
                in = line.strip().startsWith("config:");
                continue;
            }
            if (line.isBlank() || line.strip().startsWith("NAME")) continue;
            out.add(line.strip().split("\\s+"));
        }
        return out;
    }

    /** get_current_layout. */
    List<ZpoolVdev> layout() {
        List<ZpoolVdev> vdevs = new ArrayList<>();
        Group current = null;
        for (String[] words : config()) {
            String device = words[0];
            if (device.equals(pool)) continue;
            if (CLASSES.contains(device)) {
                flush(current, vdevs);
                String role = device.equals("spares") ? "spare" : stripS(device);
                current = new Group(Optional.of(role), null, new ArrayList<>());
                continue;
            }
            Matcher g = GROUP.matcher(device);
            if (g.matches()) {
                Optional<String> role = Optional.empty();
                if (current != null && current.type != null) flush(current, vdevs);
                else if (current != null) role = current.role;
                current = new Group(role, g.group(1), new ArrayList<>());
                continue;
            }
            if (device.startsWith("/")) {
                String base = baseDevice(device);
                if (current != null && current.type == null) {
                    vdevs.add(new ZpoolVdev(current.role, "stripe", List.of(base)));
                    current = null;
                } else if (current != null) {
                    current.disks.add(base);
                } else {
                    vdevs.add(new ZpoolVdev(Optional.empty(), "stripe", List.of(base)));
                }
            }
        }
        if (current != null && current.type != null) flush(current, vdevs);
        return vdevs;
    }

    /** list_vdevs_with_names. */
    List<Named> named() {
        List<Named> vdevs = new ArrayList<>();
        boolean sawPool = false;
        Named current = null;
        for (String[] words : config()) {
            String device = words[0];
            if (!sawPool) {
                sawPool = device.equals(pool);
                continue;
            }
            if (GROUP.matcher(device).matches() || device.equals("cache") || device.equals("logs")
                    || device.equals("spares")) {
                if (current != null) vdevs.add(current);
                String type = device.equals("cache") || device.equals("logs") || device.equals("spares") ? "stripe"
                        : device.startsWith("mirror") ? "mirror" : "raidz";
                current = new Named(device, type, new ArrayList<>());
                continue;
            }
            if (device.startsWith("/") && current != null) {
                current.disks().add(baseDevice(device));
            } else if (device.startsWith("/")) {
                String base = baseDevice(device);
                vdevs.add(new Named(base, "stripe", List.of(base)));
            }
        }
        if (current != null) vdevs.add(current);
        return vdevs;
    }

    /** remove_vdevs: the top-level vdevs holding a disk the task no longer lists. */
    List<String> toRemove(List<ZpoolVdev> desired) {
        List<Named> current = named();
        Set<String> gone = new LinkedHashSet<>();
        for (Named n : current) gone.addAll(n.disks());
        for (ZpoolVdev v : desired) v.disks().forEach(gone::remove);
        List<String> out = new ArrayList<>();
        for (Named n : current) {
            if (n.disks().stream().anyMatch(gone::contains)) out.add(n.name());
        }
        return out;
    }

    private static String stripS(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 's') end--;
        return s.substring(0, end);
    }

    static String baseDevice(String device) {
        if (!device.startsWith("/dev/")) return device;
        for (Pattern p : List.of(LOOP, PARTITION, SCSI)) {
            Matcher m = p.matcher(device);
            if (m.matches()) return m.group(1);
        }
        return device;
    }

    private static void flush(Group g, List<ZpoolVdev> out) {
        if (g != null) out.add(new ZpoolVdev(g.role, g.type == null ? "stripe" : g.type, g.disks));
    }

    /** The module's "current" dict while it reads a group: type null until a mirror-N or raidzN-M line. */
    private record Group(Optional<String> role, String type, List<String> disks) {}

    /** {@code prop\tvalue} lines of zpool get / zfs get -H -o property,value. */
    static Map<String, String> properties(String output) {
        Map<String, String> props = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) props.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return props;
    }
}
