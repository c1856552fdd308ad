package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * include_vars through the engine, against what ansible-playbook 2.14.18 printed for the same playbook and files:
 * its variables sit above play and task vars and below set_fact (whenever each ran), stay for the rest of the run
 * (the next play too), are found in the playbook's vars/, an included task file's directory and a role's vars/;
 * dir walks sorted with depth, extensions and ignores; name, hash_behaviour=merge, loops; failures as Ansible words
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncludeVarsEngineTest {
    private final EngineRunner engine = new EngineRunner();
    private EngineRunner.Run run;

    @TempDir
    static Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeAll
    void runThePlaybook() throws IOException {
        write("vars/v.yml", "a: from_include\nb: from_include\nc: from_include\nd: from_include\ne: from_include\n");
        write("vars/h.yml", "{h: {x: 1, y: 1}}\n");
        write("roles/r/vars/extra.yml", "{r: from_role_file}\n");
        write("roles/r/vars/main.yml", "{m: main}\n");
        write("roles/r/defaults/main.yml", "{dflt: default, r: default}\n");
        write("roles/r/tasks/main.yml", """
                - include_vars: extra.yml
                - {name: role, debug: {msg: "r={{ r }} dflt={{ dflt }}"}}
                - include_vars: {dir: ., files_matching: "^extra"}
                  register: rd
                - {name: role dir, debug: {msg: "{{ rd.ansible_included_var_files | map('basename') | list }}"}}
                """);
        write("sub/vars/s.yml", "{s: from_sub}\n");
        write("sub/inc.yml", "- include_vars: s.yml\n");
        write("dirvars/a.yml", "{n1: 1}\n");
        write("dirvars/b.json", "{\"n1\": 2, \"n2\": 2}\n");
        write("dirvars/nested/c.yaml", "{n3: 3}\n");
        write("dirvars/z.txt", "not: [valid\n");
        write("dirvars/README", "x\n");
        write("bad/broken.yml", "a: 1\nb: [unclosed\n");
        write("bad/list.yml", "- 1\n- 2\n");
        run = engine.run(dir, """
                - hosts: all
                  gather_facts: false
                  vars: {a: play, h: {x: 0, z: 0}}
                  tasks:
                    - set_fact: {d: set_fact_before}
                    - include_vars: v.yml
                      register: iv
                    - {name: above play below set_fact, debug: {msg: "a={{ a }} b={{ b }} d={{ d }} files={{ iv.ansible_included_var_files | map('basename') | list }}"}}
                    - {name: above task vars, debug: {msg: "b={{ b }}"}, vars: {b: task_vars}}
                    - set_fact: {c: set_fact_after}
                    - {name: below a later set_fact, debug: {msg: "c={{ c }}"}}
                    - include_vars: {file: v.yml, name: ns}
                    - {name: name, debug: {msg: "ns.a={{ ns.a }}"}}
                    - include_vars: {file: h.yml, hash_behaviour: merge}
                    - {name: merge, debug: {msg: "h={{ h }}"}}
                    - include_tasks: sub/inc.yml
                    - {name: task file dir, debug: {msg: "s={{ s }}"}}
                    - include_vars: {dir: dirvars, ignore_unknown_extensions: true}
                      register: dv
                    - {name: dir, debug: {msg: "n1={{ n1 }} n2={{ n2 }} n3={{ n3 }} {{ dv.ansible_included_var_files | map('basename') | list }}"}}
                    - include_vars: {dir: dirvars, depth: 1, extensions: [json], ignore_unknown_extensions: true}
                      register: dv1
                    - {name: depth, debug: {msg: "{{ dv1.ansible_included_var_files | map('basename') | list }} {{ dv1.ansible_facts }}"}}
                    - include_vars: {dir: dirvars, ignore_files: [z.txt, README]}
                      register: dv2
                    - {name: ignore, debug: {msg: "{{ dv2.ansible_included_var_files | map('basename') | list }}"}}
                    - include_vars: {file: "{{ item }}.yml", name: "x_{{ item }}"}
                      loop: [v]
                      when: true
                    - {name: loop, debug: {msg: "{{ x_v.a }}"}}
                    - import_role: {name: r}
                - hosts: all
                  gather_facts: false
                  vars: {e: play2}
                  tasks:
                    - {name: next play, debug: {msg: "e={{ e }} a={{ a }}"}}
                    - {name: missing, include_vars: nope.yml, ignore_errors: true}
                    - {name: bad extension, include_vars: {dir: dirvars}, ignore_errors: true}
                    - {name: mixed, include_vars: {file: v.yml, depth: 1}, ignore_errors: true}
                    - {name: unknown option, include_vars: {file: v.yml, nope: 1}, ignore_errors: true}
                    - {name: not a mapping, include_vars: bad/list.yml, ignore_errors: true}
                    - {name: no dir, include_vars: {dir: nodir}, ignore_errors: true}
                    - {name: merge strings, include_vars: {file: v.yml, hash_behaviour: merge}, ignore_errors: true}
                    - {name: broken yaml, include_vars: bad/broken.yml, ignore_errors: true}
                """);
    }

    static Stream<Arguments> printed() {
        return Stream.of(
                Arguments.of("above play below set_fact", "a=from_include b=from_include d=set_fact_before files=['v.yml']"),
                Arguments.of("above task vars", "b=from_include"),
                Arguments.of("below a later set_fact", "c=set_fact_after"),
                Arguments.of("name", "ns.a=from_include"),
                Arguments.of("merge", "h={'x': 1, 'z': 0, 'y': 1}"),
                Arguments.of("task file dir", "s=from_sub"),
                Arguments.of("dir", "n1=2 n2=2 n3=3 ['a.yml', 'b.json', 'c.yaml']"),
                Arguments.of("depth", "['b.json'] {'n1': 2, 'n2': 2}"),
                Arguments.of("ignore", java.util.List.of("a.yml", "b.json", "c.yaml")),
                Arguments.of("loop", "from_include"),
                Arguments.of("r : role", "r=from_role_file dflt=default"),
                Arguments.of("r : role dir", java.util.List.of("extra.yml")),
                Arguments.of("next play", "e=from_include a=from_include"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printed")
    void printsWhatAnsiblePrinted(String task, Object msg) {
        assertEquals(msg, run.result(task).result().get("msg"), run.toString());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("missing", "Could not find or access 'nope.yml'"),
                Arguments.of("bad extension", "/dirvars/README does not have a valid extension: yaml, yml, json"),
                Arguments.of("mixed", "You are mixing file only and dir only arguments, these are incompatible"),
                Arguments.of("unknown option", "nope is not a valid option in include_vars"),
                Arguments.of("not a mapping", "/bad/list.yml must be stored as a dictionary/hash"),
                Arguments.of("no dir", "/nodir directory does not exist"),
                Arguments.of("merge strings", "failed to combine variables, expected dicts"),
                Arguments.of("broken yaml", "broken.yml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsAsAnsibleDoes(String task, String words) {
        Map<String, Object> r = run.result(task).result();
        assertEquals(Status.IGNORED, run.result(task).status(), r.toString());
        Object message = r.containsKey("message") ? r.get("message") : r.get("msg");
        assertTrue(String.valueOf(message).contains(words), task + ": " + message);
    }

    @Test
    void aBadArgumentNamesTheTaskFileAndLine() {
        Object msg = run.result("unknown option").result().get("msg");
        assertTrue(String.valueOf(msg).matches("(?s).*play\\.yaml:\\d+:\\d+: nope is not a valid option.*"), String.valueOf(msg));
    }

    @Test
    void aBrokenVarsFileNamesItsLine() {
        Object msg = run.result("broken yaml").result().get("msg");
        assertTrue(String.valueOf(msg).matches("(?s).*play\\.yaml:\\d+:\\d+: .*broken\\.yml:3:1: YAML syntax error.*"),
                String.valueOf(msg));
    }
}
