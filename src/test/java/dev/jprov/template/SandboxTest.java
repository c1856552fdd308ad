package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Templates cannot reach Java, the classpath or programs, and cannot run or grow without bound. */
class SandboxTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 1, 1);

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("{{ ''.getClass() }}", "'str object' has no attribute 'getClass'"),
                Arguments.of("{{ ''.__class__ }}", "'str object' has no attribute '__class__'"),
                Arguments.of("{{ [].getClass().forName('java.lang.Runtime') }}", "'list object' has no attribute 'getClass'"),
                Arguments.of("{{ {}.getClass() }}", "'dict object' has no attribute 'getClass'"),
                Arguments.of("{{ d.class }}", "'dict object' has no attribute 'class'"),
                Arguments.of("{{ (1).getClass() }}", "'int object' has no attribute 'getClass'"),
                Arguments.of("{{ d | tojson }}", "No filter named 'tojson'."),
                Arguments.of("{{ '{{ 1 }}' | render }}", "No filter named 'render'."),
                Arguments.of("{{ loop.getClass() }}", "'loop' is undefined"),
                Arguments.of("{% for x in [1] %}{{ loop.getClass() }}{% endfor %}", "'LoopContext object' has no attribute 'getClass'"),
                Arguments.of("{{ ____int3rpr3t3r____ }}", "'____int3rpr3t3r____' is reserved"),
                Arguments.of("{% include 'META-INF/MANIFEST.MF' %}", "template error: could not locate file in lookup: META-INF/MANIFEST.MF (searched: META-INF/MANIFEST.MF)"),
                Arguments.of("{% include '/etc/hostname' %}", null));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void javaIsOutOfReach(String template, String message) {
        if (message == null) {
            // an absolute include reads that file (as Ansible's template lookup would), nothing else
            assertTrue(TEMPLAR.render(template, Map.of("d", Map.of()), WHERE) instanceof String);
            return;
        }
        TemplateException e = assertThrows(TemplateException.class, () -> TEMPLAR.render(template, Map.of("d", Map.of()), WHERE));
        assertEquals("site.yaml:1:1: " + message, e.getMessage());
    }

    @Test
    void aRunawayTemplateStopsAtTheTimeLimit() {
        Templar strict = new Templar(new RenderLimits(Duration.ofMillis(200), 1L << 30, 1_000_000, 1_000_000));
        // 10^10 iterations: only the time limit ends this render, and the message says it was that limit.
        TemplateException e = assertThrows(TemplateException.class, () -> strict.render(
                "{% for a in range(100000) %}{% for b in range(100000) %}{{ b }}{% endfor %}{% endfor %}", Map.of(), WHERE));
        assertTrue(e.getMessage().contains("took longer than"), e.getMessage());
    }

    @Test
    void outputIsLimitedInSize() {
        Templar small = new Templar(new RenderLimits(Duration.ofSeconds(10), 10_000, 1_000_000, 1_000_000));
        assertThrows(TemplateException.class, () -> small.render(
                "{% for a in range(100000) %}xxxxxxxxxx{% endfor %}", Map.of(), WHERE));
        assertEquals("ok", small.render("{{ 'ok' }}", Map.of(), WHERE));
    }

    @Test
    void rangeIsLimited() {
        Templar small = new Templar(new RenderLimits(Duration.ofSeconds(10), 1L << 20, 1_000_000, 1000));
        TemplateException e = assertThrows(TemplateException.class,
                () -> small.render("{{ range(5000) | list | length }}", Map.of(), WHERE));
        assertEquals("site.yaml:1:1: range() of 5000 items is over the limit of 1000", e.getMessage());
        assertEquals("1000", small.render("{{ range(1000) | length }}", Map.of(), WHERE));
    }

    @Test
    void oneTemplarServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> TEMPLAR.render("{{ host }}-{% for x in items %}{{ x * 2 }}{% endfor %}",
                        Map.of("host", "h" + n, "items", List.of(n, n + 1)), WHERE)));
            }
            for (int i = 0; i < results.size(); i++) assertEquals("h" + i + "-" + (2 * i) + (2 * i + 2), results.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
