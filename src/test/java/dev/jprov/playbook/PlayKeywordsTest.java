package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Play keywords: one play per row, the property it sets, and the loaded value. */
class PlayKeywordsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> rows() {
        return Stream.of(
                // the no-op case: only hosts
                Arguments.of("", "summary", "all [] [] null null linear null"),
                Arguments.of("name: web play", "name", "web play"),
                Arguments.of("serial: 2", "serial", "[2]"),
                Arguments.of("serial: \"30%\"", "serial", "[30%]"),
                Arguments.of("serial: [1, \"50%\", 10]", "serial", "[1, 50%, 10]"),
                Arguments.of("max_fail_percentage: 25", "max_fail", "25"),
                Arguments.of("max_fail_percentage: \"25%\"", "max_fail", "25.0"),
                Arguments.of("strategy: free", "strategy", "free"),
                Arguments.of("gather_facts: no", "gather_facts", "Literal[value=false]"),
                Arguments.of("force_handlers: true", "force_handlers", "Literal[value=true]"),
                Arguments.of("any_errors_fatal: true", "keywords", "any_errors_fatal=Literal[value=true]"),
                Arguments.of("become: yes\nbecome_method: su\nbecome_user: root\nremote_user: admin", "keywords",
                        "become=Literal[value=true] su root admin"),
                Arguments.of("check_mode: true\ndiff: true\nignore_errors: true", "keywords",
                        "check_mode=Literal[value=true] diff=Literal[value=true] ignore_errors=Literal[value=true]"),
                Arguments.of("environment: {LANG: C}", "keywords", "environment=[{LANG=C}]"),
                Arguments.of("vars_files: common.yml", "vars_files", "[[common.yml]]"),
                Arguments.of("vars_files:\n  - \"vars/{{ os }}.yml\"\n  - [a.yml, b.yml]", "vars_files",
                        "[[vars/{{ os }}.yml], [a.yml, b.yml]]"),
                Arguments.of("collections: [community.general]", "summary", "all [] [] null null linear null"),
                Arguments.of("tags: [a, b]\nvars: {x: 1}", "tags_vars", "[a, b] {x=1}"),
                // vars as a list of mappings (Ansible's _load_vars): merged in order, the later key wins
                Arguments.of("vars:\n  - {x: 1, y: 2}\n  - {x: 3}", "tags_vars", "[] {x=3, y=2}"),
                Arguments.of("pre_tasks: [{debug: }]\npost_tasks: [{command: ls}]", "sections", "1 0 1"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @MethodSource("rows")
    void loadsPlayKeyword(String yaml, String property, String expected) throws IOException {
        Path pb = dir.resolve("pb.yml");
        Files.writeString(pb, "- hosts: all\n" + (yaml.isEmpty() ? "" : TaskLoadingTest.indent(yaml, "  ")));
        Play p = Fixtures.loader().load(pb).plays().get(0);
        TaskKeywords k = p.keywords();
        String actual = switch (property) {
            case "summary" -> p.displayName() + " " + p.serial() + " " + p.varsFiles() + " " + p.gatherFacts() + " "
                    + p.maxFailPercentage() + " " + p.strategy() + " " + p.forceHandlers();
            case "name" -> p.displayName();
            case "serial" -> p.serial().toString();
            case "max_fail" -> String.valueOf(p.maxFailPercentage());
            case "strategy" -> p.strategy();
            case "gather_facts" -> String.valueOf(p.gatherFacts());
            case "force_handlers" -> String.valueOf(p.forceHandlers());
            case "keywords" -> keywords(k);
            case "vars_files" -> p.varsFiles().stream().map(VarsFile::candidates).toList().toString();
            case "tags_vars" -> k.tags() + " " + p.vars();
            case "sections" -> p.preTasks().size() + " " + p.tasks().size() + " " + p.postTasks().size();
            default -> throw new IllegalArgumentException(property);
        };
        assertEquals(expected, actual);
    }

    private static String keywords(TaskKeywords k) {
        StringBuilder b = new StringBuilder();
        if (k.anyErrorsFatal() != null) b.append("any_errors_fatal=").append(k.anyErrorsFatal()).append(' ');
        if (k.become() != null) {
            b.append("become=").append(k.become()).append(' ').append(k.becomeMethod()).append(' ')
                    .append(k.becomeUser()).append(' ').append(k.remoteUser()).append(' ');
        }
        if (k.checkMode() != null) b.append("check_mode=").append(k.checkMode()).append(' ');
        if (k.diff() != null) b.append("diff=").append(k.diff()).append(' ');
        if (k.ignoreErrors() != null) b.append("ignore_errors=").append(k.ignoreErrors()).append(' ');
        if (!k.environment().isEmpty()) b.append("environment=").append(k.environment()).append(' ');
        return b.toString().strip();
    }
}
