package dev.jprov.template;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.math.BigInteger;

/**
 * An address with its prefix length, as netaddr's IPNetwork (what the ansible.utils ip filters compute on): the
 * address need not be the network's first. Parsing is the ipaddress library's; text is netaddr's (IPv6 as
 * inet_ntop writes it: the first longest run of two or more zero groups as ::, ::ffff:a.b.c.d for mapped).
 */
record IpNet(int version, BigInteger ip, int prefix) {
    /** Plain addresses, with an optional /prefix or /netmask: no inet_aton forms, ranges or wildcards. */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowSingleSegment(false).allow_inet_aton(false).allowPrefixOnly(false)
            .allowWildcardedSeparator(false).allowAll(false).toParams();

    static final BigInteger V4_MAX = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    static final BigInteger V6_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger MAPPED = new BigInteger("ffff00000000", 16);

    IpNet {
        if (ip.signum() < 0 || ip.compareTo(max(version)) > 0) {
            throw new IllegalArgumentException("address out of range for IPv" + version);
        }
    }

    /** The address or network a string spells, or null when it is none. */
    static IpNet parse(String text) {
        IPAddressString s = new IPAddressString(text.strip(), STRICT);
        if (!s.isValid() || s.getHostAddress() == null) return null;
        IPAddress host = s.getHostAddress();
        int version = host.isIPv4() ? 4 : 6;
        Integer prefix = s.getNetworkPrefixLength();
        if (prefix == null && text.contains("/")) return null; // a mask that is no prefix
        return new IpNet(version, host.getValue(), prefix == null ? bits(version) : prefix);
    }

    static int bits(int version) {
        return version == 4 ? 32 : 128;
    }

    static BigInteger max(int version) {
        return version == 4 ? V4_MAX : V6_MAX;
    }

    int bits() {
        return bits(version);
    }

    BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits() - prefix);
    }

    BigInteger hostmask() {
        return size().subtract(BigInteger.ONE);
    }

    BigInteger netmask() {
        return max(version).xor(hostmask());
    }

    BigInteger network() {
        return ip.and(netmask());
    }

    BigInteger last() {
        return network().or(hostmask());
    }

    /** netaddr has no broadcast for a /31 or /32 (IPv6 /127, /128). */
    BigInteger broadcast() {
        return bits() - prefix <= 1 ? null : last();
    }

    boolean isSingle() {
        return prefix == bits();
    }

    IpNet withIp(BigInteger value) {
        return new IpNet(version, value, prefix);
    }

    /** netaddr's "v in other": this whole network lies inside the other. */
    boolean within(IpNet other) {
        return version == other.version && network().compareTo(other.network()) >= 0 && last().compareTo(other.last()) <= 0;
    }

    /** netaddr's "IPAddress(v.ip) in cidr", for the address-only checks (loopback, link-local). */
    boolean isSingleWithin(String cidr) {
        return new IpNet(version, ip, bits()).within(parse(cidr));
    }

    boolean within(String cidr) {
        return within(parse(cidr));
    }

    String ipText() {
        return format(version, ip);
    }

    /** str(IPNetwork): the address (not the network) and the prefix. */
    @Override
    public String toString() {
        return ipText() + "/" + prefix;
    }

    String cidr() {
        return format(version, network()) + "/" + prefix;
    }

    static String format(int version, BigInteger value) {
        if (version == 4) {
            long v = value.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) words[i] = value.shiftRight(112 - 16 * i).intValue() & 0xffff;
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
            return (bestLen == 5 ? "::ffff:" : "::") + format(4, value.and(V4_MAX));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }

    /** IPNetwork.ipv4(): an IPv4-compatible or -mapped IPv6 network as IPv4, else null. */
    IpNet toIpv4() {
        if (version == 4) return this;
        BigInteger v4;
        if (ip.compareTo(V4_MAX) <= 0) v4 = ip;
        else if (ip.compareTo(MAPPED) >= 0 && ip.compareTo(MAPPED.or(V4_MAX)) <= 0) v4 = ip.subtract(MAPPED);
        else return null;
        return prefix - 96 < 0 ? null : new IpNet(4, v4, prefix - 96);
    }

    /** IPNetwork.ipv6(): an IPv4 network as IPv4-mapped IPv6. */
    IpNet toIpv6() {
        return version == 6 ? this : new IpNet(6, MAPPED.add(ip), prefix + 96);
    }
}
