package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.LoadException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad inventories stop with file:line:column and what is wrong. */
class MalformedInventoryTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("hosts-list.yaml", "hosts-list.yaml:5:9: group 'web' has 'hosts' that is a list; "
                        + "expected a mapping of host names (write each name as a key ending in ':')"),
                Arguments.of("unknown-key.yaml", "unknown-key.yaml:4:7: group 'web' has an unknown key 'host'; "
                        + "a group takes only hosts, children and vars (did you mean 'hosts'?)"),
                Arguments.of("hosts-without-hosts-key.yaml", "hosts-without-hosts-key.yaml:2:3: group 'web' has an "
                        + "unknown key 'web1'; a group takes only hosts, children and vars (hosts go under 'hosts:', "
                        + "sub-groups under 'children:')"),
                Arguments.of("range-width.yaml", "range-width.yaml:3:5: host range [01:3] in 'web[01:3]' must "
                        + "specify equal-length begin and end formats"),
                Arguments.of("range-order.yaml", "range-order.yaml:3:5: host range [5:1] in 'web[5:1]' must have "
                        + "begin <= end"),
                Arguments.of("range-step.yaml", "range-step.yaml:3:5: host range [1:5:0] in 'web[1:5:0]' needs a "
                        + "step of 1 or more"),
                Arguments.of("group-is-list.yaml", "group-is-list.yaml:3:10: group 'web' must be a mapping with "
                        + "hosts, children or vars; got a list"),
                // what Ansible's yaml plugin refuses goes to the ini plugin next; both errors are shown
                Arguments.of("root-is-list.yaml", "root-is-list.yaml:1:1: a YAML inventory must be a mapping of group "
                        + "names (such as 'all:'), got a list\n  not an INI inventory either: " + Fixtures.dir("malformed")
                        + "/root-is-list.yaml:1: Expected key=value host variable assignment, got: hosts:"),
                Arguments.of("host-vars-list.yaml", "host-vars-list.yaml:4:7: host 'web1' in group 'all' must have a "
                        + "mapping of variables (or nothing); got a list"),
                Arguments.of("loop.yaml", "loop.yaml:5:9: adding group 'b' as a child of 'a' creates a loop "
                        + "('a' is already under 'b')"),
                Arguments.of("syntax.yaml", "syntax.yaml:4:4: YAML syntax error: expected <block end>, but found "
                        + "'<block mapping start>' (while parsing a block mapping)\n  not an INI inventory either: "
                        + Fixtures.dir("malformed") + "/syntax.yaml:1: Invalid host pattern 'all:' supplied, ending in "
                        + "':' is not allowed, this character is reserved to provide a port."),
                Arguments.of("priority.yaml", "priority.yaml:5:9: ansible_group_priority must be an integer, got 'high'"),
                Arguments.of("plugin.yaml", "plugin.yaml:1:1: inventory plugin configuration files are not supported; "
                        + "write a YAML inventory (all/children/hosts/vars)\n  not an INI inventory either: "
                        + Fixtures.dir("malformed") + "/plugin.yaml:1: Invalid host pattern 'plugin:' supplied, ending in "
                        + "':' is not allowed, this character is reserved to provide a port."),
                // Ansible reads bytes that are not UTF-8 as lone surrogates (printed as '?'): here an error
                Arguments.of("latin1.ini", "latin1.ini:1: this line is not UTF-8 text (byte 0xe9)"),
                Arguments.of("badvars/hosts.yaml", "badvars/group_vars/all.yml:1:1: a vars file must be a mapping of "
                        + "variable names to values; got a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void errorNamesFileLineColumn(String file, String expected) {
        LoadException e = assertThrows(LoadException.class, () -> Fixtures.load("malformed", file));
        assertEquals(Fixtures.dir("malformed") + "/" + expected, e.getMessage());
    }
}
