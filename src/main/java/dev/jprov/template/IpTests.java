package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * ansible.utils' ip tests ({@code x is ansible.utils.ipv4_address}), as its plugins/test/*.py compute them with
 * Python's ipaddress module: an address is text without a prefix, a network may have one; private and public are
 * ipaddress's is_private and is_global. A value that is no address is false for every test. Only the qualified
 * names exist, as in Ansible 2.14 without a {@code collections:} keyword.
 */
final class IpTests {
    private IpTests() {}

    // Python ipaddress's _private_networks (3.11): what is_private means, and is_global is its negation
    private static final List<String> PRIVATE_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/29", "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32");
    private static final List<String> PRIVATE_V6 = List.of("::1/128", "::/128", "::ffff:0:0/96", "100::/64",
            "2001::/23", "2001:2::/48", "2001:db8::/32", "2001:10::/28", "fc00::/7", "fe80::/10");

    private record IpTest(String name, BiPredicate<Object, Object[]> fn) implements ExpTest {
        @Override
        public String getName() {
            return "ansible.utils." + name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (var instanceof Undefined u) throw u.fail();
            return fn.test(var, args);
        }
    }

    static void registerAll(Jinjava jinjava) {
        for (IpTest t : all()) jinjava.registerExpTest(t);
    }

    private static List<IpTest> all() {
        return List.of(
                net("ip", n -> true),
                net("ipv4", n -> n.version() == 4),
                net("ipv6", n -> n.version() == 6),
                address("ip_address", a -> true),
                address("ipv4_address", a -> a.version() == 4),
                address("ipv6_address", a -> a.version() == 6),
                address("private", IpTests::isPrivate),
                address("public", a -> !isPrivate(a) && !a.within("100.64.0.0/10")),
                address("loopback", a -> a.within(a.version() == 4 ? "127.0.0.0/8" : "::1/128")),
                address("multicast", a -> a.within(a.version() == 4 ? "224.0.0.0/4" : "ff00::/8")),
                address("unspecified", a -> a.ip().signum() == 0),
                new IpTest("in_network", (v, args) -> pair(v, args, (a, n) -> a.isSingle() && a.within(n))),
                new IpTest("subnet_of", (v, args) -> pair(v, args, IpNet::within)),
                new IpTest("supernet_of", (v, args) -> pair(v, args, (a, b) -> b.within(a))));
    }

    private static IpTest net(String name, java.util.function.Predicate<IpNet> p) {
        return new IpTest(name, (v, args) -> {
            IpNet n = v instanceof String s ? IpNet.parse(s) : null;
            return n != null && p.test(n);
        });
    }

    /** An address: text with no prefix (ipaddress.ip_address refuses "10.1.1.1/32"). */
    private static IpTest address(String name, java.util.function.Predicate<IpNet> p) {
        return new IpTest(name, (v, args) -> {
            IpNet n = v instanceof String s && !s.contains("/") ? IpNet.parse(s) : null;
            return n != null && p.test(n);
        });
    }

    private static boolean pair(Object v, Object[] args, BiPredicate<IpNet, IpNet> p) {
        if (args.length != 1) throw RenderSession.failure("the test takes one network");
        IpNet a = v instanceof String s ? IpNet.parse(s) : null;
        IpNet b = args[0] instanceof String s ? IpNet.parse(s) : null;
        return a != null && b != null && a.version() == b.version() && p.test(a, b);
    }

    private static boolean isPrivate(IpNet a) {
        for (String r : a.version() == 4 ? PRIVATE_V4 : PRIVATE_V6) if (a.within(r)) return true;
        return false;
    }
}
