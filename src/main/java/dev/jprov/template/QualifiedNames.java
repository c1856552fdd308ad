package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Map;

/**
 * Collection-qualified filter and test names ({@code ansible.builtin.to_json}, {@code ansible.utils.ipaddr}) for
 * the filters and tests jprov has. The lists are what each collection ships (ansible-core 2.14's filter and test
 * plugins, Ansible 7's collections): Jinja2's own filters such as {@code upper} are not reachable as
 * {@code ansible.builtin.upper} in Ansible 2.14 either, and a qualified name jprov lacks stays unknown
 * ("No filter named 'ansible.utils.nope'.").
 */
final class QualifiedNames {
    private QualifiedNames() {}

    private static final List<String> IP_FILTERS = List.of("ipaddr", "ipv4", "ipv6", "ipmath", "ipwrap", "ipsubnet",
            "network_in_usable", "next_nth_usable");

    /** Filters by collection; ansible.netcommon's ip filters are redirects to ansible.utils' in Ansible 7. */
    static final Map<String, List<String>> FILTERS = Map.of(
            "ansible.builtin", List.of("b64decode", "b64encode", "basename", "bool", "checksum", "combinations",
                    "combine", "comment", "dict2items", "difference", "dirname", "expanduser", "expandvars", "extract",
                    "fileglob", "flatten", "from_json", "from_yaml", "from_yaml_all", "hash", "human_readable",
                    "human_to_bytes", "intersect", "items2dict", "log", "mandatory", "md5", "password_hash",
                    "path_join", "permutations", "pow", "product", "quote", "random", "realpath", "regex_escape",
                    "regex_findall", "regex_replace", "regex_search", "rekey_on_member", "relpath", "root", "sha1",
                    "shuffle", "split", "splitext", "strftime", "subelements", "symmetric_difference", "ternary",
                    "to_datetime", "to_json", "to_nice_json", "to_nice_yaml", "to_uuid", "to_yaml", "type_debug",
                    "union", "unique", "unvault", "urldecode", "urlsplit", "vault", "win_basename", "win_dirname",
                    "win_splitdrive", "zip", "zip_longest"),
            "community.general", List.of("json_query"),
            "ansible.utils", IP_FILTERS,
            "ansible.netcommon", IP_FILTERS,
            "ansible.posix", List.of());

    static final Map<String, List<String>> TESTS = Map.of(
            "ansible.builtin", List.of("abs", "all", "any", "change", "changed", "contains", "directory", "exists",
                    "failed", "failure", "falsy", "file", "finished", "is_abs", "is_dir", "is_file", "is_link",
                    "is_mount", "is_same_file", "isnan", "issubset", "issuperset", "link", "link_exists", "match",
                    "mount", "nan", "reachable", "regex", "same_file", "search", "skip", "skipped", "started",
                    "subset", "succeeded", "success", "successful", "superset", "truthy", "unreachable", "uri", "url",
                    "urn", "vault_encrypted", "version", "version_compare"));

    /** Registers the qualified names of the filters and tests already registered under their short names. */
    static void registerAll(Jinjava jinjava) {
        Context global = jinjava.getGlobalContext();
        FILTERS.forEach((collection, names) -> {
            for (String name : names) {
                Filter f = global.getFilter(name);
                if (f != null) jinjava.registerFilter(new Alias(collection + "." + name, f));
            }
        });
        TESTS.forEach((collection, names) -> {
            for (String name : names) {
                ExpTest t = global.getExpTest(name);
                if (t != null) jinjava.registerExpTest(new TestAlias(collection + "." + name, t));
            }
        });
    }

    private record Alias(String name, Filter target) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return target.filter(var, interpreter, args);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            return target.filter(var, interpreter, args, kwargs);
        }
    }

    private record TestAlias(String name, ExpTest target) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return target.evaluate(var, interpreter, args);
        }

        @Override
        public boolean evaluateNegated(Object var, JinjavaInterpreter interpreter, Object... args) {
            return target.evaluateNegated(var, interpreter, args);
        }
    }
}
