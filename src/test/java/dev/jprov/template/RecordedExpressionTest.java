package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expressions whose output Ansible 2.14 (with the ansible 7.7 collections: community.general, ansible.utils,
 * ansible.netcommon) printed for {@code debug: msg="={{ expression }}"}: src/test/resources/template/expressions,
 * one row per expression (record.py there records them again). A row Ansible failed must fail here too; the
 * messages of those are checked in the tests of each feature.
 */
class RecordedExpressionTest {
    private static final Path DIR = Path.of("src/test/resources/template/expressions");
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("site.yaml"), 7, 5);

    private static final Map<String, Object> VARS = vars();

    /** vars.yaml, and this directory as playbook_dir: record.py runs its playbook from here (first_found, pipe). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> vars() {
        Map<String, Object> vars = new java.util.LinkedHashMap<>(
                (Map<String, Object>) new YamlReader().read(DIR.resolve("vars.yaml")).toPlain());
        vars.put("playbook_dir", DIR.toAbsolutePath().toString());
        return vars;
    }

    static Stream<Arguments> rows() {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path tsv : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    out.add(Arguments.of(tsv.getFileName().toString(), line.substring(0, tab), unescape(line.substring(tab + 1))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void rendersAsAnsible(String file, String expression, String ansible) {
        String template = "={{ " + expression + " }}";
        if (ansible.equals("!error")) {
            assertThrows(TemplateException.class, () -> TEMPLAR.render(template, VARS, WHERE));
        } else {
            assertEquals("=" + ansible, TEMPLAR.render(template, VARS, WHERE));
        }
    }
}
