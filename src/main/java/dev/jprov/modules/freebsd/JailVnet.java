package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The seed 000 VNET pattern for one jail: an epair whose ends are renamed e0a_SUFFIX (host side, member of the
 * bridge) and e0b_SUFFIX (moved into the jail by vnet.interface), created in exec.prestart and destroyed in
 * exec.poststop. The create, rename and bring-up share one line because each exec line runs in its own shell
 * ($epair0 exists only there). No {@code ifconfig X vnet NAME} in prestart: the jail does not exist yet then
 * (seed 003's mistake); vnet.interface moves the interface once it does.
 */
record JailVnet(String jail, String bridge, String suffix, String description) {
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** IFNAMSIZ is 16 with the NUL. */
    private static final int MAX_IFNAME = 15;
    private static final Set<String> KEYS = Set.of("bridge", "interface_suffix", "description");

    static JailVnet of(String module, String jail, Object spec) {
        String bridge;
        String suffix = jail;
        String description = "vnet0 host interface for Jail " + jail;
        if (spec instanceof String s) {
            bridge = s;
        } else if (spec instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    throw new ArgsException(module + ": unknown key '" + k + "' in vnet; supported: bridge, "
                            + "interface_suffix, description");
                }
            }
            Object b = m.get("bridge");
            if (b == null) throw new ArgsException(module + ": vnet needs a bridge (vnet: {bridge: bridge0})");
            bridge = String.valueOf(b);
            if (m.get("interface_suffix") != null) suffix = String.valueOf(m.get("interface_suffix"));
            if (m.get("description") != null) description = String.valueOf(m.get("description"));
        } else {
            throw new ArgsException(module + ": vnet must be a mapping like {bridge: bridge0} or a bridge name");
        }
        if (!IFNAME.matcher(bridge).matches() || bridge.length() > MAX_IFNAME) {
            throw new ArgsException(module + ": vnet bridge '" + bridge + "' is not an interface name");
        }
        if (!IFNAME.matcher("e" + suffix).matches() || ("e0a_" + suffix).length() > MAX_IFNAME) {
            throw new ArgsException(module + ": interface name e0a_" + suffix + " is not valid or longer than "
                    + MAX_IFNAME + " characters; set vnet.interface_suffix to a shorter name");
        }
        if (description.indexOf('\n') >= 0) throw new ArgsException(module + ": vnet description has a newline");
        return new JailVnet(jail, bridge, suffix, description);
    }

    String hostSide() {
        return "e0a_" + suffix;
    }

    String jailSide() {
        return "e0b_" + suffix;
    }

    /** The prestart commands as the shell runs them (jail.conf quoting is added when rendered). */
    List<String> prestart() {
        String a = hostSide();
        String b = jailSide();
        return List.of(
                "epair0=$(ifconfig epair create) && ifconfig ${epair0} up name " + a
                        + " && ifconfig ${epair0%a}b up name " + b,
                "ifconfig " + bridge + " addm " + a,
                "ifconfig " + a + " description " + shellDoubleQuoted(description));
    }

    List<String> poststop() {
        return List.of("ifconfig " + hostSide() + " destroy");
    }

    private static String shellDoubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }
}
