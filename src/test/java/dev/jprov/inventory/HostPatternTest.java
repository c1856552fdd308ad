package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Host patterns and --limit against what `ansible PATTERN [-l LIMIT] --list-hosts` printed (patterns/expected.txt). */
class HostPatternTest {

    static Stream<Arguments> expected() {
        return Fixtures.read("patterns/expected.txt").lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    @ParameterizedTest(name = "{0} -l {1} -> {2}")
    @MethodSource("expected")
    void sameHostsAsAnsible(String pattern, String limit, String hosts) {
        Inventory inv = Fixtures.load("patterns", "hosts.yaml");
        Optional<HostPattern> l = limit.equals("-") ? Optional.empty()
                : Optional.of(HostPattern.limit(limit, Fixtures.dir("patterns")));
        assertEquals(Fixtures.list(hosts), HostPattern.parse(pattern).select(inv, l).hosts());
    }

    static Stream<Arguments> unmatched() {
        return Stream.of(
                Arguments.of("web", List.of()),
                Arguments.of("emptygrp", List.of()), // an existing empty group is not "unmatched"
                Arguments.of("nosuch", List.of("nosuch")),
                Arguments.of("db,nosuch,!other", List.of("nosuch", "other")),
                Arguments.of("web[0],nosuch[1]", List.of("nosuch")));
    }

    @ParameterizedTest(name = "{0} leaves {1} unmatched")
    @MethodSource("unmatched")
    void unmatchedParts(String pattern, List<String> expected) {
        Inventory inv = Fixtures.load("patterns", "hosts.yaml");
        assertEquals(expected, HostPattern.parse(pattern).select(inv).unmatched());
    }

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("web", List.of("web")),
                Arguments.of("a,b , c", List.of("a", "b", "c")),
                Arguments.of("a:b:&c:!d", List.of("a", "b", "&c", "!d")),
                Arguments.of("web[1:3]:db", List.of("web[1:3]", "db")),
                Arguments.of("web01:22", List.of("web01:22")), // a host address: not split
                Arguments.of("2001:db8::1", List.of("2001:db8::1")),
                Arguments.of("web[1:3]", List.of("web[1:3]")));
    }

    @ParameterizedTest(name = "split {0}")
    @MethodSource("splits")
    void split(String text, List<String> parts) {
        assertEquals(parts, HostPattern.parse(text).parts());
    }

    @Test
    void playHostsAsAList() {
        Inventory inv = Fixtures.load("patterns", "hosts.yaml");
        assertEquals(List.of("db1", "db2", "web2", "mon.example.com"),
                HostPattern.of(List.of("db", "mon:!nosuch")).select(inv).hosts());
    }

    @Test
    void subscriptPastTheEndIsAnError() {
        Inventory inv = Fixtures.load("patterns", "hosts.yaml");
        HostPatternException e = assertThrows(HostPatternException.class,
                () -> HostPattern.parse("web[10]").select(inv));
        assertEquals("No hosts matched the subscripted pattern 'web[10]'", e.getMessage());
    }

    @Test
    void badRegexIsAnError() {
        Inventory inv = Fixtures.load("patterns", "hosts.yaml");
        HostPatternException e = assertThrows(HostPatternException.class, () -> HostPattern.parse("~web(").select(inv));
        assertEquals("Invalid host list pattern: ~web(", e.getMessage());
    }

    @Test
    void missingLimitFileIsAnError() {
        assertThrows(HostPatternException.class, () -> HostPattern.limit("@nope.txt", Fixtures.dir("patterns")));
        assertThrows(HostPatternException.class, () -> HostPattern.limit("@.", Fixtures.dir("patterns")));
    }
}
