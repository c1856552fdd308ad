package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Jinja2's and Ansible's tests ({@code x is defined}, {@code r is changed}, {@code v is version('1.2', '>=')}). */
final class AnsibleTests {
    private AnsibleTests() {}

    @FunctionalInterface
    interface Test {
        boolean test(Object value, FilterArgs args);
    }

    /** Adapts a test function to jinjava; only defined/undefined and type tests look at an Undefined without failing. */
    private record AnsibleTest(String name, boolean acceptsUndefined, Test fn) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (!acceptsUndefined && var instanceof Undefined u) throw u.fail();
            List<Object> positional = new java.util.ArrayList<>();
            Map<String, Object> named = new java.util.LinkedHashMap<>();
            for (Object a : args) {
                if (a instanceof Undefined u) throw u.fail();
                if (a instanceof NamedParameter p) named.put(p.getName(), p.getValue());
                else positional.add(a);
            }
            return fn.test(var, new FilterArgs(name, positional, named, interpreter));
        }
    }

    static void registerAll(Jinjava jinjava) {
        for (AnsibleTest t : all()) jinjava.registerExpTest(t);
    }

    private static List<AnsibleTest> all() {
        return List.of(
                new AnsibleTest("defined", true, (v, a) -> !(v instanceof Undefined)),
                new AnsibleTest("undefined", true, (v, a) -> v instanceof Undefined),
                typeTest("none", (v, a) -> v == null),
                typeTest("string", (v, a) -> v instanceof String || v instanceof com.hubspot.jinjava.objects.SafeString),
                typeTest("number", (v, a) -> v instanceof Number),
                typeTest("integer", (v, a) -> v instanceof Integer || v instanceof Long || v instanceof BigInteger),
                typeTest("float", (v, a) -> v instanceof Double || v instanceof Float || v instanceof BigDecimal),
                typeTest("boolean", (v, a) -> v instanceof Boolean),
                typeTest("mapping", (v, a) -> v instanceof Map),
                t("sequence", (v, a) -> v instanceof Collection || v instanceof String || v instanceof Map),
                t("iterable", (v, a) -> v instanceof Iterable || v instanceof String || v instanceof Map),
                t("callable", (v, a) -> false),
                t("truthy", (v, a) -> PythonTypeConverter.truthy(v)),
                t("falsy", (v, a) -> !PythonTypeConverter.truthy(v)),
                t("true", (v, a) -> Boolean.TRUE.equals(v)),
                t("false", (v, a) -> Boolean.FALSE.equals(v)),
                t("lower", (v, a) -> v instanceof String s && s.equals(s.toLowerCase())),
                t("upper", (v, a) -> v instanceof String s && s.equals(s.toUpperCase())),
                t("even", (v, a) -> ((Number) v).longValue() % 2 == 0),
                t("odd", (v, a) -> ((Number) v).longValue() % 2 != 0),
                t("divisibleby", (v, a) -> ((Number) v).longValue() % ((Number) a.get(0)).longValue() == 0),
                t("match", (v, a) -> RegexFilters.test(v, a, "match")),
                t("search", (v, a) -> RegexFilters.test(v, a, "search")),
                t("regex", (v, a) -> RegexFilters.test(v, a, a.string(3, "match_type", "search"))),
                t("in", (v, a) -> contains(a.get(0), v)),
                t("contains", (v, a) -> contains(v, a.get(0))),
                t("equalto", AnsibleTests::equal),
                t("eq", AnsibleTests::equal),
                t("==", AnsibleTests::equal),
                t("sameas", (v, a) -> v == a.get(0) || (v != null && v.equals(a.get(0)) && (v instanceof Boolean))),
                t("ne", (v, a) -> !equal(v, a)),
                t("!=", (v, a) -> !equal(v, a)),
                t("lt", (v, a) -> PythonOrder.compare(v, a.get(0)) < 0),
                t("<", (v, a) -> PythonOrder.compare(v, a.get(0)) < 0),
                t("le", (v, a) -> PythonOrder.compare(v, a.get(0)) <= 0),
                t("<=", (v, a) -> PythonOrder.compare(v, a.get(0)) <= 0),
                t("gt", (v, a) -> PythonOrder.compare(v, a.get(0)) > 0),
                t(">", (v, a) -> PythonOrder.compare(v, a.get(0)) > 0),
                t("ge", (v, a) -> PythonOrder.compare(v, a.get(0)) >= 0),
                t(">=", (v, a) -> PythonOrder.compare(v, a.get(0)) >= 0),
                t("version", AnsibleTests::version),
                t("version_compare", AnsibleTests::version),
                t("subset", (v, a) -> CollectionFilters.items(a.get(0)).containsAll(CollectionFilters.items(v))),
                t("issubset", (v, a) -> CollectionFilters.items(a.get(0)).containsAll(CollectionFilters.items(v))),
                t("superset", (v, a) -> CollectionFilters.items(v).containsAll(CollectionFilters.items(a.get(0)))),
                t("issuperset", (v, a) -> CollectionFilters.items(v).containsAll(CollectionFilters.items(a.get(0)))),
                t("any", (v, a) -> CollectionFilters.items(v).stream().anyMatch(PythonTypeConverter::truthy)),
                t("all", (v, a) -> CollectionFilters.items(v).stream().allMatch(PythonTypeConverter::truthy)),
                t("success", (v, a) -> !failed(v)),
                t("succeeded", (v, a) -> !failed(v)),
                t("failed", (v, a) -> failed(v)),
                t("failure", (v, a) -> failed(v)),
                t("changed", (v, a) -> flag(v, "changed", "changed")),
                t("change", (v, a) -> flag(v, "changed", "change")),
                t("skipped", (v, a) -> flag(v, "skipped", "skipped")),
                t("skip", (v, a) -> flag(v, "skipped", "skip")),
                t("finished", (v, a) -> !(registered(v, "finished").get("finished") instanceof Number n) || n.intValue() == 1),
                t("abs", (v, a) -> PythonRepr.str(v).startsWith("/")));
    }

    /** Type tests are isinstance checks in Jinja2, so an undefined value is simply not of the type. */
    private static AnsibleTest typeTest(String name, Test fn) {
        return new AnsibleTest(name, true, (v, a) -> !(v instanceof Undefined) && fn.test(v, a));
    }

    private static AnsibleTest t(String name, Test fn) {
        return new AnsibleTest(name, false, fn);
    }

    private static boolean equal(Object v, FilterArgs a) {
        Object o = a.get(0);
        if (v instanceof Number x && o instanceof Number y) return PythonOrder.compare(x, y) == 0;
        return Objects.equals(v, o);
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof String s) return s.contains(PythonRepr.str(item));
        if (container instanceof Map<?, ?> m) return m.containsKey(item);
        for (Object o : PythonMethods.iterable(container)) {
            if (Objects.equals(o, item) || (o instanceof Number x && item instanceof Number y && PythonOrder.compare(x, y) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static Map<?, ?> registered(Object v, String test) {
        if (v instanceof Map<?, ?> m) return m;
        throw RenderSession.failure("The '" + test + "' test expects a dictionary");
    }

    /** A registered result failed: failed true, or an rc that is not 0 (Ansible's failed test). */
    private static boolean failed(Object v) {
        Map<?, ?> m = registered(v, "failed");
        Object f = m.get("failed");
        return f != null && Boolean.TRUE.equals(ValueFilters.toBool(f));
    }

    private static boolean flag(Object v, String key, String test) {
        Map<?, ?> m = registered(v, test);
        if (key.equals("changed") && m.get("results") instanceof List<?> results && !m.containsKey("changed")) {
            for (Object r : results) if (r instanceof Map<?, ?> rm && Boolean.TRUE.equals(ValueFilters.toBool(rm.get("changed")))) return true;
            return false;
        }
        return Boolean.TRUE.equals(ValueFilters.toBool(m.get(key)));
    }

    /** version(other, operator='eq', strict=False) with LooseVersion's ordering. */
    private static boolean version(Object v, FilterArgs a) {
        String op = a.string(1, "operator", "eq");
        int c = LooseVersion.compare(PythonRepr.str(v), a.string(0, "version", ""));
        return switch (op) {
            case "==", "=", "eq" -> c == 0;
            case "<", "lt" -> c < 0;
            case "<=", "le" -> c <= 0;
            case ">", "gt" -> c > 0;
            case ">=", "ge" -> c >= 0;
            case "!=", "<>", "ne" -> c != 0;
            default -> throw RenderSession.failure("Invalid operator type (" + op + ")");
        };
    }
}
