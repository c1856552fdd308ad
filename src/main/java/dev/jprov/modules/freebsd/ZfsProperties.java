package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The properties a zfs task asks for, normalised the way {@code zfs get -p} prints them so a second run compares
 * equal: sizes in bytes ("10G" is 10737418240), "none" quotas as 0, YAML booleans as on/off, aliases
 * (compress, recsize, reserv, refreserv) under their full names, mountpoints without a trailing slash.
 * {@code given} keeps what the user wrote, which is what the zfs command line and the diff show.
 */
record ZfsProperties(Map<String, String> given, Map<String, String> normalised) {
    private static final Map<String, String> ALIASES = Map.of("compress", "compression", "recsize", "recordsize",
            "reserv", "reservation", "refreserv", "refreservation", "volblock", "volblocksize");
    private static final Set<String> NONE_IS_ZERO = Set.of("quota", "refquota", "reservation", "refreservation");
    private static final Set<String> SIZES = Set.of("quota", "refquota", "reservation", "refreservation",
            "recordsize", "volsize", "volblocksize", "special_small_blocks");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.:-]*");

    static ZfsProperties read(String module, Map<String, Object> raw) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> norm = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            String name = canonical(e.getKey());
            if (!NAME.matcher(name).matches()) {
                throw new ArgsException(module + ": extra_zfs_properties: '" + e.getKey()
                        + "' is not a zfs property name (lower-case letters, digits, '_', '.', ':', '-')");
            }
            Object v = e.getValue();
            if (v == null) throw new ArgsException(module + ": extra_zfs_properties: " + name + " has no value");
            if (v instanceof Map || v instanceof java.util.List) {
                throw new ArgsException(module + ": extra_zfs_properties: " + name + " must be a scalar value");
            }
            String text = v instanceof Boolean b ? (b ? "on" : "off") : v.toString();
            if (given.put(name, text) != null) {
                throw new ArgsException(module + ": extra_zfs_properties: " + name + " is given twice (alias "
                        + e.getKey() + ")");
            }
            norm.put(name, normalise(module, name, text));
        }
        return new ZfsProperties(given, norm);
    }

    static String canonical(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    private static String normalise(String module, String name, String value) {
        if (NONE_IS_ZERO.contains(name) && value.equals("none")) return "0";
        if (SIZES.contains(name)) {
            OptionalLong bytes = ZfsSize.parse(value);
            if (bytes.isEmpty()) {
                throw new ArgsException(module + ": extra_zfs_properties: " + name + ": '" + value
                        + "' is not a size (e.g. 512M, 10G, 131072" + (NONE_IS_ZERO.contains(name) ? ", none" : "")
                        + ")");
            }
            return Long.toString(bytes.getAsLong());
        }
        if (name.equals("mountpoint") && value.length() > 1 && value.endsWith("/")) {
            return value.replaceAll("/+$", "");
        }
        return value;
    }

    /** How a value zfs printed with -p reads for a person: sizes short, zero quotas as none, unset as "-". */
    static String display(String name, String parsable) {
        if (NONE_IS_ZERO.contains(name) && parsable.equals("0")) return "none";
        if (SIZES.contains(name)) {
            try {
                return ZfsSize.nice(Long.parseLong(parsable));
            } catch (NumberFormatException e) {
                return parsable;
            }
        }
        return parsable;
    }
}
