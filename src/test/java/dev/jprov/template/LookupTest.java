package dev.jprov.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** lookup()/query()/q() with Ansible's search order: the role's files/ (or templates/), the role, the playbook dir's. */
class LookupTest {
    private static final Templar TEMPLAR = new Templar();
    private static final SourceLocation WHERE = new SourceLocation(Path.of("roles/web/tasks/main.yaml"), 4, 3);

    @TempDir
    static Path playbook;

    static Path role;

    @BeforeAll
    static void layout() throws IOException {
        role = playbook.resolve("roles/web");
        Files.createDirectories(role.resolve("files"));
        Files.createDirectories(role.resolve("templates"));
        Files.createDirectories(playbook.resolve("files"));
        Files.writeString(role.resolve("files/motd"), "role motd\n\n");
        Files.writeString(playbook.resolve("files/motd"), "playbook motd\n");
        Files.writeString(playbook.resolve("files/only-here.txt"), "  from playbook  \n");
        Files.writeString(role.resolve("templates/greeting.j2"), "hello {{ name }}\n{% if name %}\nbye\n{% endif %}\n");
        Files.writeString(role.resolve("templates/header.j2"), "#jinja2: lstrip_blocks: True\n  {% if name %}\nhi\n  {% endif %}\n");
        Files.writeString(playbook.resolve("files/a.conf"), "a");
        Files.writeString(playbook.resolve("files/b.conf"), "b");
    }

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("role_path", role.toString());
        v.put("playbook_dir", playbook.toString());
        v.put("name", "web01");
        v.put("known", "value");
        v.put("inventory_hostname", "web01");
        v.put("hostvars", Map.of("web01", Map.of("only_in_hostvars", "hv"), "db01", Map.of("other_host", "x")));
        return v;
    }

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("{{ lookup('file', 'motd') }}", "role motd"),
                Arguments.of("{{ lookup('file', 'only-here.txt') }}", "  from playbook"),
                Arguments.of("{{ lookup('file', 'only-here.txt', lstrip=true) }}", "from playbook"),
                Arguments.of("{{ lookup('file', 'motd', 'only-here.txt') }}", "role motd,  from playbook"),
                Arguments.of("{{ query('file', 'motd') }}", List.of("role motd")),
                Arguments.of("{{ q('file', 'motd', 'only-here.txt') }}", List.of("role motd", "  from playbook")),
                Arguments.of("{{ lookup('file', 'motd', wantlist=true) }}", List.of("role motd")),
                Arguments.of("{{ lookup('file', 'nope', errors='ignore') }}", ""), // None, finalized to ''

                Arguments.of("{{ query('file', 'nope', errors='ignore') }}", List.of()),
                Arguments.of("{{ lookup('template', 'greeting.j2') }}", "hello web01\nbye\n"),
                // the #jinja2: header applies to the looked-up file too (Ansible's do_template), and is not output
                Arguments.of("{{ lookup('template', 'header.j2') }}", "hi\n"),
                Arguments.of("{{ lookup('env', 'JPROV_SURELY_UNSET') }}", ""),
                Arguments.of("{{ lookup('env', 'JPROV_SURELY_UNSET', default='dflt') }}", "dflt"),
                Arguments.of("{{ lookup('vars', 'known') }}", "value"),
                // a name only in hostvars of the current host (ansible-core 2.14's vars lookup looks there too)
                Arguments.of("{{ lookup('vars', 'only_in_hostvars') }}", "hv"),
                Arguments.of("{{ lookup('vars', 'other_host', default='no') }}", "no"),
                Arguments.of("{{ query('items', [1, [2]], 3) }}", List.of(1L, List.of(2L), 3L)),
                Arguments.of("{{ query('dict', {'a': 1}) }}", List.of(Map.of("key", "a", "value", 1L))),
                Arguments.of("{{ query('fileglob', '*.conf') | map('basename') | list }}", List.of("a.conf", "b.conf")));
    }

    @ParameterizedTest
    @MethodSource("lookups")
    void looksUpLikeAnsible(String template, Object expected) {
        assertEquals(expected, TEMPLAR.render(template, vars(), WHERE));
    }

    @Test
    void envLookupReadsTheEnvironment() {
        assertEquals(System.getenv("PATH"), TEMPLAR.render("{{ lookup('env', 'PATH') }}", vars(), WHERE));
    }

    @Test
    void explicitSearchRootsReplaceTheOnesFromVariables() throws IOException {
        Path other = playbook.resolve("elsewhere");
        Files.createDirectories(other.resolve("files"));
        Files.writeString(other.resolve("files/motd"), "other motd");
        LazyVars scoped = TEMPLAR.lazyVars(vars()).withSearchRoots(List.of(other));
        assertEquals("other motd", TEMPLAR.render("{{ lookup('file', 'motd') }}", scoped, WHERE));
    }

    @Test
    void aMissingFileNamesTheFileAndWhereItLooked() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> TEMPLAR.render("{{ lookup('file', 'missing.txt') }}", vars(), WHERE));
        assertTrue(e.getMessage().startsWith("roles/web/tasks/main.yaml:4:3: The 'file' lookup had an issue accessing the file "
                + "'missing.txt'. could not locate file in lookup: missing.txt (searched: " + role.resolve("files/missing.txt")),
                e.getMessage());
    }

    @Test
    void includesInTemplateFilesComeFromTheTemplateDirectory() throws IOException {
        Files.writeString(role.resolve("templates/part.j2"), "part {{ name }}");
        Path main = role.resolve("templates/main.j2");
        Files.writeString(main, "{% include 'part.j2' %}\n");
        assertEquals("part web01\n", TEMPLAR.renderTemplateFile(main, vars()));
    }
}
