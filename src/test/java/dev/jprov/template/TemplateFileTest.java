package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole template files rendered byte for byte as Ansible 2.14's template module wrote them (trim_blocks,
 * trailing newlines, Python printing, loops, macros, whitespace control, JSON/YAML output). The expected files
 * were generated with ansible-playbook from the same templates and vars.yaml (see the README next to them).
 */
class TemplateFileTest {
    private static final Templar TEMPLAR = new Templar();

    static Stream<String> templates() throws IOException {
        try (Stream<Path> files = Files.list(AnsibleFixtures.DIR.resolve("templates"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".j2"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void rendersTheBytesAnsibleWrote(String name) {
        String actual = TEMPLAR.renderTemplateFile(AnsibleFixtures.template(name), AnsibleFixtures.vars());
        assertEquals(AnsibleFixtures.expected(name), actual);
    }
}
