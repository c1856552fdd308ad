package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Host ranges and host:port splitting, as Ansible's expand_hostname_range and parse_address. */
class HostRangeTest {

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("web", List.of("web")), // no range: the no-op case
                Arguments.of("web[1:3]", List.of("web1", "web2", "web3")),
                Arguments.of("web[01:03]", List.of("web01", "web02", "web03")),
                Arguments.of("web[08:11]", List.of("web08", "web09", "web10", "web11")),
                Arguments.of("n[1:10:4]", List.of("n1", "n5", "n9")),
                Arguments.of("db-[a:c].lan", List.of("db-a.lan", "db-b.lan", "db-c.lan")),
                Arguments.of("x[a:e:2]", List.of("xa", "xc", "xe")),
                Arguments.of("r[1:2]-[a:b]", List.of("r1-a", "r1-b", "r2-a", "r2-b")),
                Arguments.of("h[:2]", List.of("h0", "h1", "h2")),
                Arguments.of("198.18.0.[1:3]", List.of("198.18.0.1", "198.18.0.2", "198.18.0.3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void expands(String pattern, List<String> hosts) {
        assertEquals(hosts, HostRange.hasRange(pattern) ? HostRange.expand(pattern) : List.of(pattern));
    }

    static Stream<Arguments> badRanges() {
        return Stream.of(
                Arguments.of("web[1]", "host range [1] in 'web[1]' must be begin:end or begin:end:step"),
                Arguments.of("web[1:]", "host range [1:] in 'web[1:]' must specify an end value"),
                Arguments.of("web[01:100]", "host range [01:100] in 'web[01:100]' must specify equal-length begin and end formats"),
                Arguments.of("web[c:a]", "host range [c:a] in 'web[c:a]' must have begin <= end"),
                Arguments.of("web[1:x]", "host range [1:x] in 'web[1:x]' must have numbers or single letters as bounds"),
                Arguments.of("web[1:3:z]", "host range [1:3:z] in 'web[1:3:z]' has a step 'z' that is not a number"),
                Arguments.of("web[1:3", "host range in 'web[1:3' has unbalanced brackets"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRanges")
    void rejects(String pattern, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostRange.expand(pattern));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("web01", "web01", null),
                Arguments.of("web01:2222", "web01", 2222),
                Arguments.of("web[01:03]:22", "web[01:03]", 22),
                Arguments.of("198.18.0.1:22", "198.18.0.1", 22),
                Arguments.of("[2001:db8::1]:2200", "2001:db8::1", 2200),
                Arguments.of("2001:db8::1", "2001:db8::1", null),
                Arguments.of("host.example.com", "host.example.com", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    void splitsPort(String text, String host, Integer port) {
        assertEquals(Optional.of(new HostAddress(host, Optional.ofNullable(port))), HostAddress.parse(text));
    }

    @ParameterizedTest(name = "{0} is not an address")
    @MethodSource("notAddresses")
    void notAddresses(String text) {
        assertEquals(Optional.empty(), HostAddress.parse(text));
    }

    static Stream<String> notAddresses() {
        return Stream.of("web*", "a:b", "-web", "web_", "host name");
    }
}
