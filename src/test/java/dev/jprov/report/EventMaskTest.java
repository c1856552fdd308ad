package dev.jprov.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.plan.Diff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every piece of text an event carries goes through the mask; what is not text stays as it is. */
class EventMaskTest {
    static final UnaryOperator<String> MASK = s -> s == null ? null : s.replace("pw42", "********");

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Event.TaskResult result(String text, Map<String, Object> result) {
        return new Event.TaskResult("h1", 3, "t " + text, false, Status.CHANGED, "item " + text, "msg " + text,
                List.of(new Diff("before " + text, "a\n" + text + "\n", "after", "b\n")), List.of("echo " + text),
                result, false);
    }

    static Stream<Arguments> events() {
        return Stream.of(
                // {0} event, {1} the same event as reporters must see it
                Arguments.of(result("plain", map("rc", 0, "stdout", "plain", "ok", true)),
                        result("plain", map("rc", 0, "stdout", "plain", "ok", true))),
                Arguments.of(result("pw42", map("rc", 0, "stdout", "x pw42", "lines", List.of("pw42", 7),
                                "nested", map("pw42", map("k", "pw42")), "none", null)),
                        result("********", map("rc", 0, "stdout", "x ********", "lines", List.of("********", 7),
                                "nested", map("********", map("k", "********")), "none", null))),
                Arguments.of(new Event.Warning("bad pw42"), new Event.Warning("bad ********")),
                Arguments.of(new Event.PlayStarted("play pw42", List.of("h1"), true),
                        new Event.PlayStarted("play ********", List.of("h1"), true)),
                Arguments.of(new Event.Retrying("h1", 2, "t pw42", 3), new Event.Retrying("h1", 2, "t ********", 3)),
                Arguments.of(new Event.HostFinished("h1"), new Event.HostFinished("h1")));
    }

    @ParameterizedTest
    @MethodSource("events")
    void masksAllText(Event event, Event expected) {
        assertEquals(expected, EventMask.mask(event, MASK));
    }
}
