package dev.jprov.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ansible.utils' ipaddr, ipv4, ipv6, ipwrap, ipmath, ipsubnet, network_in_usable and next_nth_usable (Ansible 7's
 * ansible.utils 2.x, whose plugin_utils/base/ipaddr_utils.py is followed query by query): False (or None, which
 * prints as nothing) for what is not an address of the asked kind, the value for boolean queries.
 */
final class IpFilters {
    private IpFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                new AnsibleFilter("ipaddr", false, (v, a) -> ipaddr(v, query(a), 0, "ipaddr")),
                new AnsibleFilter("ipv4", false, (v, a) -> ipaddr(v, query(a), 4, "ipv4")),
                new AnsibleFilter("ipv6", false, (v, a) -> ipaddr(v, query(a), 6, "ipv6")),
                new AnsibleFilter("ipwrap", false, (v, a) -> ipwrap(v, query(a))),
                new AnsibleFilter("ipmath", false, (v, a) -> ipmath(v, a.require(0, "amount"))),
                new AnsibleFilter("ipsubnet", false, (v, a) -> ipsubnet(v, query(a), a.get(1, "index", null))),
                new AnsibleFilter("network_in_usable", false, (v, a) -> networkInUsable(v, a.require(0, "test"))),
                new AnsibleFilter("next_nth_usable", false, (v, a) -> nextNthUsable(v, a.require(0, "offset"))));
    }

    private static Object query(FilterArgs a) {
        return a.get(0, "query", "");
    }

    private static final Set<String> QUERIES = Set.of("", "address", "address/prefix", "bool", "broadcast", "cidr",
            "cidr_lookup", "first_usable", "gateway", "gw", "host", "host/prefix", "hostmask", "hostnet", "int", "ip",
            "ip/prefix", "ip_netmask", "ipv4", "ipv6", "last_usable", "link-local", "lo", "loopback", "multicast",
            "net", "next_usable", "netmask", "network", "network_id", "network/prefix", "network_netmask",
            "network_wildcard", "peer", "prefix", "previous_usable", "private", "public", "range_usable", "revdns",
            "router", "size", "size_usable", "subnet", "type", "unicast", "v4", "v6", "version", "wildcard", "wrap");

    /** ipaddr(value, query='', version=False): see ansible.utils' ipaddr_utils.ipaddr. */
    static Object ipaddr(Object value, Object queryArg, int version, String alias) {
        if (value instanceof Iterable<?> list && !(value instanceof java.util.Map)) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                Object r = ipaddr(element, PythonRepr.str(queryArg), version, alias);
                if (PythonTypeConverter.truthy(r)) out.add(r);
            }
            return out;
        }
        if (!PythonTypeConverter.truthy(value) || Boolean.TRUE.equals(value)) return false;
        String query = PythonRepr.str(queryArg);
        String text = PythonRepr.str(value);
        IpNet v;
        String vtype;
        if (isDigits(text)) {
            BigInteger n = new BigInteger(text);
            if (version != 6 && n.compareTo(IpNet.V4_MAX) <= 0) v = new IpNet(4, n, 32);
            else if (n.compareTo(IpNet.V6_MAX) <= 0) v = new IpNet(6, n, 128);
            else return false;
            vtype = "address";
        } else {
            v = IpNet.parse(text);
            if (v != null) {
                vtype = text.split("/", -1).length == 2 ? "network" : "address";
            } else {
                v = numericCidr(text);
                if (v == null) return false;
                vtype = "network";
            }
        }
        IpNet lookup = null;
        if (!query.isEmpty() && (!QUERIES.contains(query) || query.equals("cidr_lookup")) && !isDigits(query)
                && PythonTypeConverter.truthy(ipaddr(query, "network", 0, alias))) {
            lookup = IpNet.parse(query);
            query = "cidr_lookup";
        }
        if (version != 0 && v.version() != version) return false;
        return run(v, vtype, query, queryArg, value, lookup, alias);
    }

    private static IpNet numericCidr(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !isDigits(parts[0]) || !isDigits(parts[1])) return null;
        BigInteger address = new BigInteger(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (address.compareTo(IpNet.V4_MAX) <= 0 && prefix <= 32) return new IpNet(4, address, prefix);
        if (address.compareTo(IpNet.V6_MAX) <= 0 && prefix <= 128) return new IpNet(6, address, prefix);
        return null;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static String ip(int version, BigInteger value) {
        return IpNet.format(version, value);
    }

    private static Object run(IpNet v, String vtype, String query, Object queryArg, Object value, IpNet lookup,
            String alias) {
        int size = v.size().min(BigInteger.valueOf(3)).intValue(); // 1, 2 or "more"
        boolean atNetwork = v.ip().equals(v.network());
        BigInteger broadcast = v.broadcast();
        return switch (query) {
            case "" -> vtype.equals("address") ? v.ipText() : v.toString();
            case "address", "ip" -> {
                if (size == 1) yield v.ipText();
                if (!atNetwork || broadcast == null || v.version() == 6) yield v.ipText();
                yield null;
            }
            case "address/prefix", "gateway", "gw", "host/prefix", "hostnet", "router" ->
                    size > 2 && (atNetwork || v.ip().equals(broadcast)) ? (Object) false : v.ipText() + "/" + v.prefix();
            case "bool" -> true;
            case "broadcast" -> size > 2 ? ip(v.version(), broadcast) : null;
            case "cidr" -> v.toString();
            case "cidr_lookup" -> lookup != null && v.within(lookup) ? value : null;
            case "first_usable" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                if (size == 1) yield null;
                yield ip(v.version(), size == 2 ? v.network() : v.network().add(BigInteger.ONE));
            }
            case "host" -> {
                if (size == 1) yield v.toString();
                yield !atNetwork || broadcast == null ? v.ipText() + "/" + v.prefix() : null;
            }
            case "hostmask", "wildcard" -> ip(v.version(), v.hostmask());
            case "int" -> vtype.equals("address") ? toNumber(v.ip()) : v.ip() + "/" + v.prefix();
            case "ip/prefix" -> size == 2 || (size > 2 && !atNetwork) ? v.ipText() + "/" + v.prefix() : null;
            case "ip_netmask" -> size == 2 || (size > 2 && !atNetwork) ? v.ipText() + " " + ip(v.version(), v.netmask()) : null;
            case "ipv4", "v4" -> {
                if (v.version() == 4) yield value;
                IpNet four = v.toIpv4();
                yield four == null ? (Object) false : four.toString();
            }
            case "ipv6", "v6" -> v.version() == 4 ? v.toIpv6().toString() : value;
            case "last_usable" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                yield size > 1 ? ip(v.version(), lastUsable(v)) : null;
            }
            case "link-local" -> v.withIp(v.ip()).isSingleWithin(v.version() == 4 ? "169.254.0.0/16" : "fe80::/10") ? value : null;
            case "lo", "loopback" -> v.isSingleWithin(v.version() == 4 ? "127.0.0.0/8" : "::1/128") ? value : null;
            case "multicast" -> v.within(v.version() == 4 ? "224.0.0.0/4" : "ff00::/8") ? value : null;
            case "net" -> size > 1 && atNetwork ? ip(v.version(), v.network()) + "/" + v.prefix() : null;
            case "next_usable" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                if (size == 1) yield null;
                BigInteger next = v.ip().add(BigInteger.ONE);
                yield next.compareTo(firstUsable(v)) >= 0 && next.compareTo(lastUsable(v)) <= 0 ? ip(v.version(), next) : null;
            }
            case "netmask" -> ip(v.version(), v.netmask());
            case "network", "network_id" -> ip(v.version(), v.network());
            case "network/prefix", "subnet" -> v.cidr();
            case "network_netmask" -> ip(v.version(), v.network()) + " " + ip(v.version(), v.netmask());
            case "network_wildcard" -> ip(v.version(), v.network()) + " " + ip(v.version(), v.hostmask());
            case "peer" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                long low = v.ip().and(BigInteger.valueOf(3)).longValue();
                if (size == 2) yield ip(v.version(), v.ip().xor(BigInteger.ONE));
                if (v.size().equals(BigInteger.valueOf(4))) {
                    if (low == 0) throw RenderSession.failure("Network address of /30 has no peer");
                    if (low == 3) throw RenderSession.failure("Broadcast address of /30 has no peer");
                    yield ip(v.version(), v.ip().xor(BigInteger.valueOf(3)));
                }
                throw RenderSession.failure("Not a point-to-point network");
            }
            case "prefix" -> (long) v.prefix();
            case "previous_usable" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                if (size == 1) yield null;
                BigInteger previous = v.ip().subtract(BigInteger.ONE);
                yield previous.compareTo(firstUsable(v)) >= 0 && previous.compareTo(lastUsable(v)) <= 0
                        ? ip(v.version(), previous) : null;
            }
            case "private" -> isPrivate(v) ? value : null;
            case "public" -> isPublic(v) ? value : null;
            case "range_usable" -> {
                if (vtype.equals("address")) throw RenderSession.failure("Not a network address");
                yield size > 1 ? ip(v.version(), firstUsable(v)) + "-" + ip(v.version(), lastUsable(v)) : null;
            }
            case "revdns" -> revdns(v);
            case "size" -> toNumber(v.size());
            case "size_usable" -> size == 1 ? 0L : size == 2 ? 2L : toNumber(v.size().subtract(BigInteger.TWO));
            case "type" -> size == 1 || !atNetwork ? "address" : "network";
            case "unicast" -> !v.within(v.version() == 4 ? "224.0.0.0/4" : "ff00::/8") ? value : null;
            case "version" -> (long) v.version();
            case "wrap" -> v.version() == 6 ? (vtype.equals("address") ? "[" + v.ipText() + "]" : "[" + v.ipText() + "]/" + v.prefix()) : value;
            default -> index(v, vtype, query, queryArg, value, alias);
        };
    }

    /** A numeric query: the address that far into the network (negative from its end), with the prefix. */
    private static Object index(IpNet v, String vtype, String query, Object queryArg, Object value, String alias) {
        double asFloat;
        try {
            asFloat = Double.parseDouble(query.strip());
        } catch (NumberFormatException e) {
            throw RenderSession.failure(alias + ": unknown filter type: " + query);
        }
        if (v.isSingle()) return vtype.equals("address") ? v.ipText() : v.toString();
        if (!(queryArg instanceof Number) && !query.strip().matches("[-+]?\\d+")) return false; // v[float]: TypeError
        if (asFloat != Math.rint(asFloat)) return false;
        BigInteger n = new BigInteger(query.strip().replaceFirst("^\\+", "").replaceFirst("\\.0*$", ""));
        BigInteger at = n.signum() >= 0 ? v.network().add(n) : v.last().add(BigInteger.ONE).add(n);
        if (at.compareTo(v.network()) < 0 || at.compareTo(v.last()) > 0) return false;
        return ip(v.version(), at) + "/" + v.prefix();
    }

    private static BigInteger firstUsable(IpNet v) {
        return v.size().equals(BigInteger.TWO) ? v.network() : v.network().add(BigInteger.ONE);
    }

    private static BigInteger lastUsable(IpNet v) {
        return v.size().equals(BigInteger.TWO) ? v.last() : v.last().subtract(BigInteger.ONE);
    }

    private static Object toNumber(BigInteger n) {
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    /** netaddr 0.8's is_private (RFC 1918, 6598, 5736, 2544, 4193, 3879 ranges, 239/8, link-local). */
    private static boolean isPrivate(IpNet v) {
        List<String> ranges = v.version() == 4
                ? List.of("10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16",
                        "198.18.0.0/15", "239.0.0.0/8", "169.254.0.0/16")
                : List.of("fc00::/7", "fec0::/10", "fe80::/10");
        for (String r : ranges) if (v.within(r)) return true;
        return false;
    }

    /** The address (not the network) is unicast and not private, loopback, a netmask or a hostmask. */
    private static boolean isPublic(IpNet v) {
        IpNet address = new IpNet(v.version(), v.ip(), v.bits());
        BigInteger inverted = v.ip().xor(IpNet.max(v.version())).add(BigInteger.ONE);
        BigInteger plusOne = v.ip().add(BigInteger.ONE);
        boolean netmask = inverted.and(inverted.subtract(BigInteger.ONE)).signum() == 0;
        boolean hostmask = plusOne.and(plusOne.subtract(BigInteger.ONE)).signum() == 0;
        return !address.within(v.version() == 4 ? "224.0.0.0/4" : "ff00::/8") && !isPrivate(address)
                && !address.isSingleWithin(v.version() == 4 ? "127.0.0.0/8" : "::1/128") && !netmask && !hostmask;
    }

    private static String revdns(IpNet v) {
        if (v.version() == 4) {
            String[] o = v.ipText().split("\\.");
            return o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa.";
        }
        String hex = String.format("%032x", v.ip());
        StringBuilder sb = new StringBuilder();
        for (int i = hex.length() - 1; i >= 0; i--) sb.append(hex.charAt(i)).append('.');
        return sb + "ip6.arpa.";
    }

    private static Object ipwrap(Object value, Object query) {
        try {
            if (value instanceof Iterable<?> list && !(value instanceof java.util.Map)) {
                List<Object> out = new ArrayList<>();
                for (Object element : list) {
                    out.add(PythonTypeConverter.truthy(ipaddr(element, query, 0, "ipwrap")) ? ipaddr(element, "wrap", 0, "ipwrap") : element);
                }
                return out;
            }
            Object r = ipaddr(value, query, 0, "ipwrap");
            return PythonTypeConverter.truthy(r) ? ipaddr(r, "wrap", 0, "ipwrap") : value;
        } catch (TemplateFailure e) {
            RenderSession.forget(e);
            return value;
        }
    }

    private static Object ipmath(Object value, Object amount) {
        String text = PythonRepr.str(value);
        IpNet v = IpNet.parse(text);
        if (v == null || (!text.contains("/") && !v.isSingle())) {
            throw RenderSession.failure("You must pass a valid IP address; " + text + " is invalid");
        }
        BigInteger result = v.ip().add(argumentInt("amount", amount));
        if (result.signum() < 0 || result.compareTo(IpNet.max(v.version())) > 0) {
            throw RenderSession.failure("Unexpected templating type error occurred on filter 'ipmath': "
                    + "result outside valid IP address boundary!");
        }
        return ip(v.version(), result);
    }

    private static Object ipsubnet(Object value, Object queryArg, Object indexArg) {
        Object vtype = ipaddr(value, "type", 0, "ipsubnet");
        if (!PythonTypeConverter.truthy(vtype)) return false;
        IpNet v = IpNet.parse(PythonRepr.str(ipaddr(value, vtype.equals("address") ? "cidr" : "subnet", 0, "ipsubnet")));
        v = v.withIp(v.network());
        String cidr = v.toString();
        vtype = ipaddr(cidr, "type", 0, "ipsubnet");
        String query = PythonRepr.str(queryArg);
        if (query.isEmpty()) return cidr;
        int total = v.bits();
        if (isDigits(query)) {
            int q = Integer.parseInt(query);
            if (q > total) return false;
            if (indexArg == null) {
                if (vtype.equals("address")) return IpNet.format(v.version(), v.ip().and(new IpNet(v.version(), v.ip(), q).netmask())) + "/" + q;
                if (q - v.prefix() < 0) throw RenderSession.failure("Requested subnet size of " + q + " is invalid");
                return BigInteger.TWO.pow(q - v.prefix()).toString();
            }
            long index = PythonMethods.toInt(indexArg);
            if (vtype.equals("address")) {
                // supernet(q)[index]: the supernets from /q up to the address's own prefix
                List<String> supernets = new ArrayList<>();
                for (int p = q; p < v.prefix(); p++) supernets.add(new IpNet(v.version(), v.ip(), p).cidr());
                if (index > total + 1 - index || index < q - total) return false;
                int i = (int) (index < 0 ? index + supernets.size() : index);
                if (i < 0 || i >= supernets.size()) throw RenderSession.failure("list index out of range");
                return supernets.get(i);
            }
            BigInteger subnets = BigInteger.TWO.pow(Math.max(0, q - v.prefix()));
            BigInteger i = BigInteger.valueOf(index);
            if (i.signum() < 0) i = i.add(subnets);
            if (q < v.prefix() || i.signum() < 0 || i.compareTo(subnets) >= 0) return false;
            return IpNet.format(v.version(), v.network().add(i.shiftLeft(total - q))) + "/" + q;
        }
        Object qtype = ipaddr(query, "type", 0, "ipsubnet");
        if (!PythonTypeConverter.truthy(qtype)) {
            throw RenderSession.failure("You must pass a valid subnet or IP address; " + query + " is invalid");
        }
        IpNet container = IpNet.parse(PythonRepr.str(ipaddr(query, qtype.equals("address") ? "cidr" : "subnet", 0, "ipsubnet")));
        if (v.version() == container.version() && v.ip().shiftRight(total - container.prefix())
                .equals(container.ip().shiftRight(total - container.prefix()))) {
            BigInteger mask = BigInteger.TWO.pow(Math.max(0, v.prefix() - container.prefix())).subtract(BigInteger.ONE)
                    .shiftLeft(total - v.prefix());
            return v.ip().and(mask).shiftRight(total - v.prefix()).add(BigInteger.ONE).toString();
        }
        throw RenderSession.failure(v.cidr() + " is not in the subnet " + container.cidr());
    }

    /**
     * The collection checks these arguments against its argument spec first (type int), which turns a string of
     * digits into an int and refuses anything else with this message.
     */
    private static BigInteger argumentInt(String name, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) return new BigInteger(value.toString());
        if (value instanceof String s && s.strip().matches("[-+]?\\d+")) return new BigInteger(s.strip().replaceFirst("^\\+", ""));
        String type = value instanceof String ? "str" : PythonRepr.typeName(value);
        throw RenderSession.failure("[\"argument '" + name + "' is of type <class '" + type + "'> and we were unable to "
                + "convert to int: <class '" + type + "'> cannot be converted to an int\"]");
    }

    private static Object networkInUsable(Object value, Object test) {
        IpNet v = normalized(value);
        IpNet w = normalized(test);
        if (v == null || w == null) return false;
        BigInteger vFirst = v.isSingle() ? v.ip() : firstUsableOrAddress(v);
        BigInteger vLast = v.isSingle() ? v.ip() : lastUsable(v);
        BigInteger wFirst = w.network();
        BigInteger wLast = w.broadcast() != null ? w.broadcast() : w.ip();
        if (v.version() != w.version()) return false;
        return wFirst.compareTo(vFirst) >= 0 && wFirst.compareTo(vLast) <= 0
                && wLast.compareTo(vFirst) >= 0 && wLast.compareTo(vLast) <= 0;
    }

    private static BigInteger firstUsableOrAddress(IpNet v) {
        return firstUsable(v);
    }

    /** _address_normalizer: the value's subnet (network/prefix), or null when it is no address. */
    private static IpNet normalized(Object value) {
        Object type = ipaddr(value, "type", 0, "ipaddr");
        if (!PythonTypeConverter.truthy(type)) return null;
        Object subnet = ipaddr(value, "subnet", 0, "ipaddr");
        IpNet n = IpNet.parse(PythonRepr.str(subnet));
        return n == null ? null : n.withIp(n.network());
    }

    private static Object nextNthUsable(Object value, Object offset) {
        Object vtype = ipaddr(value, "type", 0, "next_nth_usable");
        if (!PythonTypeConverter.truthy(vtype)) return false;
        IpNet v = IpNet.parse(PythonRepr.str(ipaddr(value, vtype.equals("address") ? "cidr" : "subnet", 0, "next_nth_usable")));
        if (v == null) return false;
        BigInteger step = argumentInt("offset", offset);
        if (v.isSingle()) return null;
        BigInteger nth = v.ip().add(step);
        return nth.compareTo(firstUsable(v)) >= 0 && nth.compareTo(lastUsable(v)) <= 0 ? ip(v.version(), nth) : null;
    }
}
