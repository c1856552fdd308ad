package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every task keyword: one task per row, the property it sets, and the loaded value. */
class TaskLoadingTest {

    @TempDir
    Path dir;

    static Stream<Arguments> keywords() {
        return Stream.of(
                // the no-op case: a module without arguments or keywords
                row("- debug:", "summary", "debug/debug {} keywords=NONE"),
                row("- copy: src=a dest=b", "args", "{src=a, dest=b}"),
                row("- copy:\n    src: a\n    mode: 0644", "args", "{src=a, mode=420}"),
                row("- command: ls -l /tmp", "args", "{_raw_params=ls -l /tmp}"),
                row("- shell: echo hi > /tmp/x creates=/tmp/x", "args", "{creates=/tmp/x, _raw_params=echo hi > /tmp/x}"),
                row("- raw: uname -a", "args", "{_raw_params=uname -a}"),
                row("- file: path=/x state=touch mode='0644'", "args", "{path=/x, state=touch, mode=0644}"),
                row("- command: ls\n  args:\n    chdir: /tmp", "args", "{chdir=/tmp, _raw_params=ls}"),
                row("- copy: dest=/b\n  args:\n    dest: /a\n    src: s", "args", "{dest=/b, src=s}"),
                row("- copy: \"{{ copy_args }}\"", "args", "{_variable_params={{ copy_args }}}"),
                row("- action: copy src=a dest=b", "summary", "copy/copy {src=a, dest=b} keywords=NONE"),
                row("- action:\n    module: file\n    path: /x", "summary", "file/file {path=/x} keywords=NONE"),
                row("- ansible.builtin.copy: src=a dest=b", "module", "ansible.builtin.copy -> copy"),
                row("- ansible.builtin.file: path=/x", "module", "ansible.builtin.file -> file"),
                row("- community.general.sysrc: name=x value=y", "module", "community.general.sysrc -> sysrc"),
                row("- name: say hi\n  debug: msg=hi", "name", "say hi"),
                row("- debug:\n  when: x is defined", "when", "[x is defined]"),
                row("- debug:\n  when: [a, b == 1]", "when", "[a, b == 1]"),
                row("- debug:\n  when: false", "when", "[False]"),
                row("- debug:\n  tags: a", "tags", "[a]"),
                row("- debug:\n  tags: a, b,c", "tags", "[a, b, c]"),
                row("- debug:\n  tags: [a, 7]", "tags", "[a, 7]"),
                row("- debug: msg={{ item }}\n  loop: [1, 2]", "loop", "loop [1, 2] item"),
                row("- debug: msg={{ item }}\n  loop: \"{{ things }}\"", "loop", "loop {{ things }} item"),
                row("- debug:\n  with_items: [a]", "loop", "with_items [a] item"),
                row("- debug:\n  with_dict: {a: 1}", "loop", "with_dict {a=1} item"),
                row("- copy: src={{ item }} dest=/x\n  with_fileglob: \"*.conf\"", "loop", "with_fileglob *.conf item"),
                row("- debug:\n  loop: [1]\n  loop_control:\n    loop_var: pkg\n    index_var: i\n    label: \"{{ pkg }}\"\n    pause: 2",
                        "loop_control", "pkg i {{ pkg }} 2"),
                row("- debug:\n  register: out", "register", "out"),
                row("- debug:\n  notify: restart x", "notify", "[restart x]"),
                row("- debug:\n  notify: [a, b]", "notify", "[a, b]"),
                row("- debug:\n  changed_when: false", "changed_when", "[False]"),
                row("- debug:\n  failed_when: [rc != 0, \"'x' in out\"]", "failed_when", "[rc != 0, 'x' in out]"),
                row("- debug:\n  until: r is success\n  retries: 5\n  delay: 1", "until", "[r is success] 5 1"),
                row("- debug:\n  until: r is success", "until", "[r is success] 3 5"),
                row("- debug:\n  ignore_errors: yes", "flags", "ignore_errors=Literal[value=true]"),
                row("- debug:\n  ignore_errors: \"{{ lenient }}\"", "flags", "ignore_errors=Template[expression={{ lenient }}]"),
                row("- debug:\n  ignore_unreachable: true", "flags", "ignore_unreachable=Literal[value=true]"),
                row("- debug:\n  check_mode: no", "flags", "check_mode=Literal[value=false]"),
                row("- debug:\n  diff: false", "flags", "diff=Literal[value=false]"),
                row("- debug:\n  no_log: true", "flags", "no_log=Literal[value=true]"),
                row("- debug:\n  run_once: true", "flags", "run_once=Literal[value=true]"),
                row("- debug:\n  become: yes\n  become_user: www\n  become_method: doas", "become", "Literal[value=true] doas www"),
                row("- debug:\n  delegate_to: localhost", "delegate_to", "localhost"),
                row("- debug:\n  vars:\n    a: 1\n    b: [x]", "vars", "{a=1, b=[x]}"),
                row("- command: env\n  environment:\n    PATH: /bin", "environment", "[{PATH=/bin}]"),
                row("- meta: flush_handlers", "meta", "FLUSH_HANDLERS"),
                row("- meta: end_host\n  when: done", "meta", "END_HOST"),
                row("- ansible.builtin.meta: clear_host_errors", "meta", "CLEAR_HOST_ERRORS"),
                row("- set_fact: a=1 b=x", "args", "{a=1, b=x}"),
                row("- include_vars: file.yml", "args", "{_raw_params=file.yml}"));
    }

    private static Arguments row(String yaml, String property, String expected) {
        return Arguments.of(yaml, property, expected);
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @MethodSource("keywords")
    void loadsKeyword(String taskYaml, String property, String expected) throws IOException {
        TaskNode node = single(taskYaml);
        assertEquals(expected, property(node, property));
    }

    private TaskNode single(String taskYaml) throws IOException {
        Path pb = dir.resolve("pb.yml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n" + indent(taskYaml, "    "));
        List<TaskNode> tasks = Fixtures.loader().load(pb).plays().get(0).tasks();
        assertEquals(1, tasks.size());
        return tasks.get(0);
    }

    static String indent(String text, String by) {
        return text.lines().map(l -> by + l).collect(Collectors.joining("\n")) + "\n";
    }

    private static String property(TaskNode node, String property) {
        if (property.equals("meta")) return assertInstanceOf(Meta.class, node).action().name();
        Task t = assertInstanceOf(Task.class, node);
        TaskKeywords k = t.keywords();
        return switch (property) {
            case "summary" -> t.action().written() + "/" + t.action().module() + " " + t.action().args()
                    + " keywords=" + (k.equals(TaskKeywords.NONE) ? "NONE" : k.toString());
            case "args" -> t.action().args().toString();
            case "module" -> t.action().written() + " -> " + t.action().module();
            case "name" -> t.name();
            case "when" -> exprs(k.when());
            case "tags" -> k.tags().toString();
            case "loop" -> t.loop().keyword() + " " + t.loop().items() + " " + t.loop().control().loopVar();
            case "loop_control" -> t.loop().control().loopVar() + " " + t.loop().control().indexVar() + " "
                    + t.loop().control().label() + " " + t.loop().control().pause();
            case "register" -> t.register();
            case "notify" -> k.notifies().toString();
            case "changed_when" -> exprs(t.changedWhen());
            case "failed_when" -> exprs(t.failedWhen());
            case "until" -> exprs(t.until().conditions()) + " " + t.until().retries() + " " + t.until().delay();
            case "flags" -> flags(k);
            case "become" -> k.become() + " " + k.becomeMethod() + " " + k.becomeUser();
            case "delegate_to" -> k.delegateTo();
            case "vars" -> k.vars().toString();
            case "environment" -> k.environment().toString();
            default -> throw new IllegalArgumentException(property);
        };
    }

    private static String flags(TaskKeywords k) {
        StringBuilder b = new StringBuilder();
        append(b, "ignore_errors", k.ignoreErrors());
        append(b, "ignore_unreachable", k.ignoreUnreachable());
        append(b, "check_mode", k.checkMode());
        append(b, "diff", k.diff());
        append(b, "no_log", k.noLog());
        append(b, "run_once", k.runOnce());
        return b.toString();
    }

    private static void append(StringBuilder b, String name, Flag f) {
        if (f == null) return;
        if (!b.isEmpty()) b.append(' ');
        b.append(name).append('=').append(f);
    }

    static String exprs(List<Condition> conditions) {
        return conditions.stream().map(Condition::expression).toList().toString();
    }
}
