package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.LoadException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed playbooks (malformed/*.yml): each error names file:line:column and says what is wrong. */
class MalformedPlaybookTest {

    private static final Path DIR = Fixtures.dir("malformed");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            bad-yaml.yml            | 4 | 1  | YAML syntax error: found unexpected end of stream
            bad-indent.yml          | 4 | 6  | YAML syntax error: expected <block end>, but found '<block mapping start>'
            not-a-list.yml          | 1 | 1  | A playbook must be a list of plays, got a mapping instead
            unknown-play-key.yml    | 1 | 3  | 'hostz' is not a valid attribute for a Play
            missing-hosts.yml       | 1 | 3  | the field 'hosts' is required but was not set
            vars-prompt.yml         | 2 | 3  | 'vars_prompt' is not supported by jprov
            module-defaults.yml     | 2 | 3  | 'module_defaults' is not supported yet by jprov
            strategy-bad.yml        | 2 | 13 | Invalid play strategy specified: debug
            tasks-not-list.yml      | 3 | 5  | tasks must be a list, got a mapping
            task-not-mapping.yml    | 3 | 7  | a task must be a mapping of keywords (for example '- name: ...' with a module), got a string ('just a string')
            two-modules.yml         | 3 | 7  | conflicting action statements: copy, file
            unknown-module.yml      | 3 | 7  | couldn't resolve module/action 'copyy'. This often indicates a misspelling, missing collection, or incorrect module path.
            unknown-task-key.yml    | 4 | 7  | couldn't resolve module/action 'regsiter'.
            no-module.yml           | 3 | 7  | no module/action detected in task.
            unknown-lookup.yml      | 4 | 7  | 'with_itemz' is not a valid attribute for a Task
            listen-in-task.yml      | 4 | 7  | 'listen' is not a valid attribute for a Task
            block-unknown-key.yml   | 5 | 7  | 'fooqq' is not a valid attribute for a Block
            local-action.yml        | 3 | 7  | 'local_action' is not supported by jprov: use the module with 'delegate_to: localhost'
            extra-params.yml        | 3 | 7  | this task 'copy' has extra params, which is only allowed in the following modules: command, shell
            unbalanced-quote.yml    | 3 | 13 | failed at splitting arguments, either an unbalanced jinja2 block or quotes: path='/x state=touch
            duplicate-loop.yml      | 5 | 7  | duplicate loop in task: items
            import-loop.yml         | 4 | 7  | You cannot use loops on 'import_tasks' statements. You should use 'include_tasks' instead.
            import-missing.yml      | 3 | 7  | Could not find or access 'nowhere.yml'
            import-playbook-missing.yml | 1 | 20 | the playbook:
            meta-bad.yml            | 3 | 7  | invalid meta action requested: reboot_everything
            async.yml               | 5 | 7  | 'async' is not a valid attribute for a Block
            vars-list-scalar.yml    | 4 | 7  | Vars in a Play must be specified as a dictionary, or a list of dictionaries, got a string
            register-bad-name.yml   | 4 | 17 | Invalid variable name in 'register' specified: 'bad name'
            bad-flag.yml            | 4 | 15 | 'become' must be a boolean (yes/no, true/false) or a template, got: maybe
            """)
    void errorNamesFileLineColumn(String file, int line, int column, String problem) {
        Path pb = DIR.resolve(file);
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.loader().load(pb));
        assertEquals(pb, e.location().file());
        assertEquals(line, e.location().line(), e.getMessage());
        assertEquals(column, e.location().column(), e.getMessage());
        assertTrue(e.problem().startsWith(problem), e.problem());
        assertTrue(e.getMessage().startsWith(pb + ":" + line + ":" + column + ": "), e.getMessage());
    }

    @Test
    void errorInsideARoleTaskFilePointsIntoTheRole() {
        Path pb = Fixtures.dir("bad-role/site.yml");
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.loader().load(pb));
        assertEquals(Fixtures.dir("bad-role/roles/broken/tasks/main.yml"), e.location().file());
        assertEquals(3, e.location().line());
        assertEquals("conflicting action statements: debug, copy", e.problem());
    }

    @Test
    void aValidPlaybookLoads() {
        // the no-op case of this table: nothing wrong, no error
        assertEquals(1, Fixtures.loader().load(Fixtures.dir("tags/site.yml")).plays().size());
    }
}
