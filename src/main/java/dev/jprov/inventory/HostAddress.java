package dev.jprov.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host name as an inventory writes it, split into the name (which may still hold {@code [x:y]} ranges) and an
 * optional port: {@code web01:2222}, {@code [2001:db8::1]:22}, {@code 192.0.2.[1:9]}. The regular expressions are
 * Ansible's ({@code ansible.parsing.utils.addresses}), so what counts as "name:port" and what stays a plain
 * name is decided exactly as ansible-inventory decides it.
 */
record HostAddress(String host, Optional<Integer> port) {

    private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
    private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String IPV6_PART = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
    private static final String IPV4_PART = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
    private static final String LABEL = "(?:[\\w]|" + ALNUM_RANGE + ")(?:[\\w_-]|" + ALNUM_RANGE + ")*(?<![_-])";

    private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("^\\[(.+)\\]:([0-9]+)$");
    private static final Pattern HOSTPORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)$");
    private static final Pattern IPV4 = Pattern.compile("^(?:" + IPV4_PART + "\\.){3}" + IPV4_PART + "$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6 = Pattern.compile("^(?:"
            + "(?:" + IPV6_PART + ":){7}" + IPV6_PART
            + "|(?:" + IPV6_PART + ":){1,6}:"
            + "|(?:" + IPV6_PART + ":)(?::" + IPV6_PART + "){1,6}"
            + "|(?:" + IPV6_PART + ":){2}(?::" + IPV6_PART + "){1,5}"
            + "|(?:" + IPV6_PART + ":){3}(?::" + IPV6_PART + "){1,4}"
            + "|(?:" + IPV6_PART + ":){4}(?::" + IPV6_PART + "){1,3}"
            + "|(?:" + IPV6_PART + ":){5}(?::" + IPV6_PART + "){1,2}"
            + "|(?:" + IPV6_PART + ":){6}(?::" + IPV6_PART + ")"
            + "|:(?::" + IPV6_PART + "){1,6}"
            + "|" + IPV6_PART + "?::"
            + "|(?:0:){6}(?:" + IPV6_PART + "\\.){3}" + IPV6_PART
            + "|::(?:ffff:)?(?:" + IPV6_PART + "\\.){3}" + IPV6_PART
            + "|(?:0:){5}ffff:(?:" + IPV6_PART + "\\.){3}" + IPV6_PART
            + ")$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAME = Pattern.compile("^" + LABEL + "(?:\\." + LABEL + ")*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Ansible's parse_address(address, allow_ranges=True): the name and port, or empty when the text is not a
     * recognisable host name, IPv4 or IPv6 address (Ansible then uses the text as it is, without a port).
     */
    static Optional<HostAddress> parse(String address) {
        String rest = address;
        Integer port = null;
        for (Pattern p : new Pattern[] {BRACKETED_HOSTPORT, HOSTPORT}) {
            Matcher m = p.matcher(rest);
            if (m.matches()) {
                rest = m.group(1);
                try {
                    port = Integer.valueOf(m.group(2));
                } catch (NumberFormatException e) {
                    return Optional.empty(); // absurdly long digit string: not a port
                }
            }
        }
        if (IPV4.matcher(rest).matches() || IPV6.matcher(rest).matches() || HOSTNAME.matcher(rest).matches()) {
            return Optional.of(new HostAddress(rest, Optional.ofNullable(port)));
        }
        return Optional.empty();
    }

    /** Whether Ansible reads the text as one host (with optional port) rather than a list of patterns. */
    static boolean isAddress(String text) {
        return parse(text).isPresent();
    }

    /** Ansible's parse_address without ranges: a host list entry ({@code -i a,b:2222,}). */
    static Optional<HostAddress> parseWithoutRanges(String address) {
        return parse(address).filter(a -> a.host.indexOf('[') < 0);
    }

    static boolean isIpAddress(String name) {
        return IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
    }
}
