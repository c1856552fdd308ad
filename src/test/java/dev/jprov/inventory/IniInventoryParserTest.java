package dev.jprov.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.pyformat.PythonJson;
import dev.jprov.source.LoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each form of Ansible's INI inventory syntax, read from {@code inventory.ini}. The expected values are what
 * ansible-core 2.14.18's {@code ansible-inventory -i inventory.ini --list} printed for the same text (as
 * json.dumps(sort_keys=True) on one line), and its ini plugin's error messages, recorded with
 * ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED=1; Ansible's last two lack the file:line jprov adds.
 */
class IniInventoryParserTest {
    private static final PythonJson ONE_LINE = PythonJson.dumps(null, true, false);

    @TempDir
    Path dir;

    private Inventory load(String text) throws IOException {
        Path file = dir.resolve("inventory.ini");
        Files.writeString(file, text);
        return Inventory.load(List.of(file.toString()), dir);
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("empty file (no-op)", "",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\"]}}"),
                Arguments.of("only comments and blank lines", "# a comment\n; another\n\n   \n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\"]}}"),
                Arguments.of("hosts before any section are ungrouped", "alpha\nbeta\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\"]}, \"ungrouped\": {\"hosts\": [\"alpha\", \"beta\"]}}"),
                Arguments.of("a group of hosts", "[web]\nweb1\nweb2\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"web1\", \"web2\"]}}"),
                Arguments.of("comment after a section header", "[web] # the web servers\nweb1\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"web1\"]}}"),
                Arguments.of("host variables typed by literal_eval", "h1 port=22 flag=True none=None text=yes zero=0777 list=\"[1, 'a']\" tup=1,2 f=1.5 q=\"'7'\" neg=-3 big=1_000\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"big\": 1000, \"f\": 1.5, \"flag\": true, \"list\": [1, \"a\"], \"neg\": -3, \"none\": null, \"port\": 22, \"q\": \"7\", \"text\": \"yes\", \"tup\": [1, 2], \"zero\": \"0777\"}}}, \"all\": {\"children\": [\"ungrouped\"]}, \"ungrouped\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("quoted host variables keep spaces and #", "h1 msg=\"hello world\" pw=\"'03#pa33w0rd'\" single='a b'\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"msg\": \"hello world\", \"pw\": \"03#pa33w0rd\", \"single\": \"a b\"}}}, \"all\": {\"children\": [\"ungrouped\"]}, \"ungrouped\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("a comment ends a host line", "h1 a=1 # b=2\nh2 c=3#d=4\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"a\": 1}, \"h2\": {\"c\": 3}}}, \"all\": {\"children\": [\"ungrouped\"]}, \"ungrouped\": {\"hosts\": [\"h1\", \"h2\"]}}"),
                Arguments.of("host:port and addresses", "web1:2222\n192.0.2.1:22\n[2001:db8::1]:2200\n2001:db8::2\n",
                        "{\"_meta\": {\"hostvars\": {\"192.0.2.1\": {\"ansible_port\": 22}, \"2001:db8::1\": {\"ansible_port\": 2200}, \"web1\": {\"ansible_port\": 2222}}}, \"all\": {\"children\": [\"ungrouped\"]}, \"ungrouped\": {\"hosts\": [\"web1\", \"192.0.2.1\", \"2001:db8::1\", \"2001:db8::2\"]}}"),
                Arguments.of("ranges", "[web]\nweb[01:03]\ndb[a:c].example.com\nn[1:5:2]:2200 role=x\n",
                        "{\"_meta\": {\"hostvars\": {\"n1\": {\"ansible_port\": 2200, \"role\": \"x\"}, \"n3\": {\"ansible_port\": 2200, \"role\": \"x\"}, \"n5\": {\"ansible_port\": 2200, \"role\": \"x\"}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"web01\", \"web02\", \"web03\", \"dba.example.com\", \"dbb.example.com\", \"dbc.example.com\", \"n1\", \"n3\", \"n5\"]}}"),
                Arguments.of("group vars typed by literal_eval, text as it is", "[web]\nw1\n[web:vars]\nport=8080\nname = some text # not a comment\nflag=False\nfalse_text=FALSE\nlist=['a', 'b']\nempty=\nquoted=\"x\"\n",
                        "{\"_meta\": {\"hostvars\": {\"w1\": {\"empty\": \"\", \"false_text\": \"FALSE\", \"flag\": false, \"list\": [\"a\", \"b\"], \"name\": \"some text # not a comment\", \"port\": 8080, \"quoted\": \"x\"}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("children declared before the child group", "[all_web:children]\nweb\n[web]\nw1\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"all_web\"]}, \"all_web\": {\"children\": [\"web\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("nested children declared before", "[a:children]\nb\n[b:children]\nc\n[c]\nh1\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"a\": {\"children\": [\"b\"]}, \"all\": {\"children\": [\"ungrouped\", \"a\"]}, \"b\": {\"children\": [\"c\"]}, \"c\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("child group already known", "[web]\nw1\n[prod:children]\nweb\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"prod\"]}, \"prod\": {\"children\": [\"web\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("vars section before the group's hosts section", "[web:vars]\nx=1\n[web]\nw1\n",
                        "{\"_meta\": {\"hostvars\": {\"w1\": {\"x\": 1}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("all:vars and ungrouped hosts", "lone\n[all:vars]\nx=1\n[web]\nw1\n",
                        "{\"_meta\": {\"hostvars\": {\"lone\": {\"x\": 1}, \"w1\": {\"x\": 1}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"ungrouped\": {\"hosts\": [\"lone\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("a host in several groups leaves ungrouped", "h1\n[a]\nh1\n[b]\nh1 v=2\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"v\": 2}}}, \"a\": {\"hosts\": [\"h1\"]}, \"all\": {\"children\": [\"ungrouped\", \"a\", \"b\"]}, \"b\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("sections repeated merge", "[web]\nw1\n[db]\nd1\n[web]\nw2\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"web\", \"db\"]}, \"db\": {\"hosts\": [\"d1\"]}, \"web\": {\"hosts\": [\"w1\", \"w2\"]}}"),
                Arguments.of("CRLF line endings and trailing spaces", "[web]   \r\nw1 a=1  \r\n[web:vars]\r\nb=2\r\n",
                        "{\"_meta\": {\"hostvars\": {\"w1\": {\"a\": 1, \"b\": 2}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"w1\"]}}"),
                Arguments.of("ansible_group_priority", "[a]\nh1\n[b]\nh1\n[a:vars]\nx=a\nansible_group_priority=10\n[b:vars]\nx=b\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"x\": \"a\"}}}, \"a\": {\"hosts\": [\"h1\"]}, \"all\": {\"children\": [\"ungrouped\", \"a\", \"b\"]}, \"b\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("host variable overrides group variable", "[web]\nw1 x=host\nw2\n[web:vars]\nx=group\n",
                        "{\"_meta\": {\"hostvars\": {\"w1\": {\"x\": \"host\"}, \"w2\": {\"x\": \"group\"}}}, \"all\": {\"children\": [\"ungrouped\", \"web\"]}, \"web\": {\"hosts\": [\"w1\", \"w2\"]}}"),
                Arguments.of("a host seen again keeps its first port", "[a]\nh1:2201\n[b]\nh1:2202 v=1\n",
                        "{\"_meta\": {\"hostvars\": {\"h1\": {\"ansible_port\": 2201, \"v\": 1}}}, \"a\": {\"hosts\": [\"h1\"]}, \"all\": {\"children\": [\"ungrouped\", \"a\", \"b\"]}, \"b\": {\"hosts\": [\"h1\"]}}"),
                Arguments.of("children entries with comments", "[p:children]\nc1 # first\nc2\n[c1]\n[c2]\nh\n",
                        "{\"_meta\": {\"hostvars\": {}}, \"all\": {\"children\": [\"ungrouped\", \"p\"]}, \"c2\": {\"hosts\": [\"h\"]}, \"p\": {\"children\": [\"c1\", \"c2\"]}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void sameInventoryAsAnsible(String name, String text, String ansibleList) throws IOException {
        assertEquals(ansibleList, ONE_LINE.write(InventoryJson.listData(load(text))));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unknown section type", "[web]\nw1\n[web:hosts2]\n",
                        "3: Section [web:hosts2] has unknown type: hosts2"),
                Arguments.of("spaces in a section", "[web servers]\nw1\n",
                        "1: Invalid section entry: '[web servers]'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters"),
                Arguments.of("a host token without =", "[web]\nw1 ansible_port 22\n",
                        "2: Expected key=value host variable assignment, got: ansible_port"),
                Arguments.of("a semicolon is not a comment on a host line", "w1 a=1 ; note\n",
                        "1: Expected key=value host variable assignment, got: ;"),
                Arguments.of("unclosed quote", "\n[web]\nw1 msg=\"hello\n",
                        "3: Error parsing host definition 'w1 msg=\"hello': No closing quotation"),
                Arguments.of("escape at the end", "w1 a=b\\\n",
                        "1: Error parsing host definition 'w1 a=b\\': No escaped character"),
                Arguments.of("vars line without =", "[web]\nw1\n[web:vars]\njust_a_word\n",
                        "4: Expected key=value, got: just_a_word"),
                Arguments.of("bad child group name", "[p:children]\na:b\n",
                        "2: Expected group name, got: a:b"),
                Arguments.of("vars for an undefined group", "[web]\nw1\n[nope:vars]\nx=1\n",
                        "3: Section [nope:vars] not valid for undefined group: nope"),
                Arguments.of("children naming an undefined group", "[web]\nw1\n[p:children]\nweb\nmissing\n",
                        "5: Section [p:children] includes undefined group: missing"),
                Arguments.of("host ending in a colon", "[web]\nw1:\n",
                        "2: Invalid host pattern 'w1:' supplied, ending in ':' is not allowed, this character is reserved to provide a port."),
                Arguments.of("a YAML document marker", "---\nall:\n",
                        "1: Invalid host pattern '---' supplied, '---' is normally a sign this is a YAML file."),
                // jprov's own wording where Ansible's error has no useful text, or where Ansible gives no error
                Arguments.of("a backwards range", "[web]\nweb[3:1]\n",
                        "2: host range [3:1] in 'web[3:1]' must have begin <= end"),
                Arguments.of("a Python set as a value", "w1 s={1,2}\n",
                        "1: the value of 's' ({1,2}) is a Python set, which has no YAML or JSON form; quote it to "
                                + "make it text"),
                Arguments.of("children forming a loop", "[a:children]\nb\n[b:children]\na\n",
                        "4: adding group 'a' as a child of 'b' creates a loop ('b' is already under 'a')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsNameFileAndLine(String name, String text, String expected) {
        LoadException e = assertThrows(LoadException.class, () -> load(text));
        assertEquals(dir.resolve("inventory.ini") + ":" + expected, e.getMessage());
    }
}
