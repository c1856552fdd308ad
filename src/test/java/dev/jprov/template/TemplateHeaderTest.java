package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The #jinja2: header lines that do not render (the bytes of those that do are in TemplateFileTest's fixtures),
 * each checked against what ansible-playbook 2.14 did with the same first line.
 */
class TemplateHeaderTest {
    private static final Templar TEMPLAR = new Templar();

    @TempDir
    Path dir;

    private String render(String text) throws IOException {
        Path t = dir.resolve("t.j2");
        Files.writeString(t, text);
        return TEMPLAR.renderTemplateFile(t, Map.of());
    }

    @Test
    void aPairWithoutColonFailsAsAnsibleDoes() {
        // Ansible: "failed to parse jinja2 override 'trim_blocks False'. Did you use something different ..."
        var e = assertThrows(TemplateException.class, () -> render("#jinja2: trim_blocks False\nx\n"));
        assertTrue(e.getMessage().contains("failed to parse jinja2 override 'trim_blocks False'. Did you use"
                + " something different from colon as key-value separator?"), e.getMessage());
    }

    @Test
    void jsonSpellingIsNoPythonLiteral() {
        // Ansible: ValueError: malformed node or string (ast.literal_eval reads "true" as a name)
        var e = assertThrows(TemplateException.class, () -> render("#jinja2: trim_blocks: true\nx\n"));
        assertTrue(e.getMessage().contains("malformed value for trim_blocks"), e.getMessage());
    }

    @Test
    void aNameJinjaDoesNotKnowIsIgnored() throws IOException {
        // Ansible sets it on the environment, which nothing reads: the file renders without the header
        assertEquals("x\n", render("#jinja2: foo: 1\nx\n"));
    }

    @Test
    void delimitersAreRefusedNotIgnored() {
        // Ansible renders "#jinja2: variable_start_string: '[%', ..." with [% %] as expression delimiters;
        // jprov's one jinjava configuration cannot, so it says so instead of writing the text unrendered
        var e = assertThrows(TemplateException.class,
                () -> render("#jinja2: variable_start_string: '[%', variable_end_string: '%]'\nv=[% 1 %]\n"));
        assertTrue(e.getMessage().contains("variable_start_string is not supported by jprov"), e.getMessage());
    }

    @Test
    void aFileWithoutHeaderKeepsItsFirstLine() throws IOException {
        assertEquals("# jinja2: not a header\nx\n", render("# jinja2: not a header\nx\n"));
    }
}
