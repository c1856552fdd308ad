package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import dev.jprov.modules.control.IncludeVarsModule;
import dev.jprov.modules.registry.ModuleRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * replace, ini_file, find and include_vars refuse bad arguments before anything is probed, with Ansible's words
 * where Ansible has them. (Their no-op rows are the parity fixtures': TextEditAgainstAnsibleTest's rp-noop,
 * ini-noop, ini-section-null-noop ...; FindAgainstAnsibleTest: find never changes anything.)
 */
class FileModsArgumentsTest {

    static Stream<Arguments> badArgs() {
        return Stream.of(
                Arguments.of(new ReplaceModule(), Map.of("path", "/x"), "missing required arguments: regexp"),
                Arguments.of(new ReplaceModule(), Map.of("regexp", "a"), "missing required arguments: path"),
                Arguments.of(new ReplaceModule(), Map.of("path", "/x", "regexp", "(a"), "invalid regular expression: (a"),
                Arguments.of(new ReplaceModule(), Map.of("path", "/x", "regexp", "a", "replace", "\\2"), "invalid replace"),
                Arguments.of(new ReplaceModule(), Map.of("path", "/x", "regexp", "a", "validate", "true"), "validate must contain %s"),
                Arguments.of(new ReplaceModule(), Map.of("path", "/x", "regexp", "a", "encoding", "klingon"), "unknown encoding: klingon"),
                Arguments.of(new ReplaceModule(), Map.of("path", "/x", "regexp", "a", "line", "b"), "Unsupported parameters for (replace) module: line"),
                Arguments.of(new IniFileModule(), Map.of("path", "/x", "section", "s", "option", "o"),
                        "Parameter 'value(s)' must be defined if state=present and allow_no_value=False."),
                Arguments.of(new IniFileModule(), Map.of("path", "/x", "option", "o", "value", "1", "values", List.of("2")),
                        "parameters are mutually exclusive: value|values"),
                Arguments.of(new IniFileModule(), Map.of("path", "/x", "option", "o", "value", "1", "state", "gone"),
                        "value of state must be one of: absent, present, got: gone"),
                Arguments.of(new IniFileModule(), Map.of("path", "/x", "section", "s", "value", "1"), "option is required"),
                Arguments.of(new IniFileModule(), Map.of("path", "/x", "option", "o", "value", "1", "ignore_spaces", true),
                        "Unsupported parameters for (ini_file) module: ignore_spaces"),
                Arguments.of(new FindModule(), Map.of("patterns", "*"), "missing required arguments: paths"),
                Arguments.of(new FindModule(), Map.of("paths", "/etc", "age", "3 days"), "failed to process age"),
                Arguments.of(new FindModule(), Map.of("paths", "/etc", "size", "1x"), "failed to process size"),
                Arguments.of(new FindModule(), Map.of("paths", "/etc", "file_type", "socket"), "value of file_type must be one of"),
                Arguments.of(new FindModule(), Map.of("paths", "/etc", "patterns", "(", "use_regex", true), "invalid regular expression"),
                Arguments.of(new FindModule(), Map.of("paths", "/etc", "contains", "[x"), "invalid regular expression"),
                Arguments.of(new IncludeVarsModule(), Map.of("file", "a.yml", "dir", "d"), "You are mixing file only and dir only arguments"),
                Arguments.of(new IncludeVarsModule(), Map.of("file", "a.yml", "colour", 1), "colour is not a valid option in include_vars"),
                Arguments.of(new IncludeVarsModule(), Map.of("file", "a.yml", "hash_behaviour", "deep"), "value of hash_behaviour must be one of"),
                Arguments.of(new IncludeVarsModule(), Map.of("dir", "d", "files_matching", "("), "Invalid regular expression"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badArgs")
    void refusesBadArguments(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(module, args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void theRegistryKnowsTheirNames() {
        ModuleRegistry r = ModuleRegistry.builtin();
        for (List<String> same : List.of(List.of("replace", "ansible.builtin.replace"), List.of("find", "ansible.builtin.find"),
                List.of("ini_file", "community.general.ini_file"), List.of("include_vars", "ansible.builtin.include_vars"))) {
            assertEquals(r.get(same.get(0)), r.get(same.get(1)));
        }
    }
}
