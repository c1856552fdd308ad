package dev.jprov.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.Adapter;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.function.ArgumentConstraints;
import io.burt.jmespath.function.BaseFunction;
import io.burt.jmespath.function.FunctionArgument;
import io.burt.jmespath.function.FunctionRegistry;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.general's json_query filter: a JMESPath search over the value. Values cross to JSON and back by type
 * (int stays int, float stays float, None is null, dicts keep their order), as the Python jmespath library sees
 * Ansible's values.
 */
final class JsonQuery {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** The runtime holds no per-search state, so one serves all threads. */
    private final JmesPath<JsonNode> jmespath = new PythonJmesPath(new RuntimeConfiguration.Builder()
            .withFunctionRegistry(FunctionRegistry.defaultRegistry()
                    .extend(new SumFunction(), new CeilFunction(), new FloorFunction()))
            .build());

    /**
     * In Python's jmespath a slice ({@code a[1:]}), a flatten ({@code a[]}) and a filter ({@code a[?x]}) are
     * projections, which drop the null results ({@code [1, null][]} is {@code [1]}); jmespath-java keeps them
     * unless another projection follows. Each such node is followed by a projection of the current value.
     */
    private static final class PythonJmesPath extends JacksonRuntime {
        private io.burt.jmespath.node.NodeFactory<JsonNode> factory;

        PythonJmesPath(RuntimeConfiguration configuration) {
            super(configuration);
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized io.burt.jmespath.node.NodeFactory<JsonNode> nodeFactory() {
            if (factory == null) {
                io.burt.jmespath.node.NodeFactory<JsonNode> plain = super.nodeFactory();
                factory = (io.burt.jmespath.node.NodeFactory<JsonNode>) java.lang.reflect.Proxy.newProxyInstance(
                        JsonQuery.class.getClassLoader(), new Class<?>[] {io.burt.jmespath.node.NodeFactory.class},
                        (proxy, method, args) -> {
                            Object node;
                            try {
                                node = method.invoke(plain, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                            return switch (method.getName()) {
                                case "createSlice", "createFlattenArray", "createSelection" -> plain.createSequence(List.of(
                                        (io.burt.jmespath.node.Node<JsonNode>) node, plain.createProjection(plain.createCurrent())));
                                default -> node;
                            };
                        });
            }
            return factory;
        }
    }

    List<AnsibleFilter> filters() {
        return List.of(new AnsibleFilter("json_query", false, (v, a) -> search(v, a.string(0, "expr", null))));
    }

    Object search(Object data, String expression) {
        if (expression == null) throw RenderSession.failure("json_query() missing required argument 'expr'");
        try {
            return fromJson(jmespath.compile(legacyLiterals(expression)).search(toJson(data)));
        } catch (JmesPathException e) {
            throw RenderSession.failure("JMESPathError in json_query filter plugin:\n" + e.getMessage());
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Python jmespath (which Ansible uses) still reads a backtick literal that is not JSON as a string
     * ({@code `wheel`} for {@code `"wheel"`}), as early JMESPath did; jmespath-java refuses it. Quoted strings
     * ('raw', "identifier") are copied untouched.
     */
    static String legacyLiterals(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < expression.length() && expression.charAt(end) != c) end += expression.charAt(end) == '\\' ? 2 : 1;
                if (end >= expression.length()) {
                    out.append(expression, i, expression.length()); // unterminated: the parser reports it
                    break;
                }
                String body = expression.substring(i + 1, end);
                if (c == '`' && !isJson(body.replace("\\`", "`"))) {
                    out.append('`').append(JSON.valueToTree(body.replace("\\`", "`").stripLeading()).toString()
                            .replace("`", "\\`")).append('`');
                } else {
                    out.append(expression, i, end + 1);
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return !text.isBlank();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    static JsonNode toJson(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Undefined u) throw u.fail();
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) return NODES.numberNode(b);
        if (v instanceof Double || v instanceof Float) return NODES.numberNode(((Number) v).doubleValue());
        if (v instanceof BigDecimal d) return NODES.numberNode(d.doubleValue());
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) o.set(PythonRepr.str(e.getKey()), toJson(e.getValue()));
            return o;
        }
        if (v instanceof Iterable<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object o : l) a.add(toJson(o));
            return a;
        }
        return NODES.textNode(PythonRepr.str(v));
    }

    static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) return n.textValue();
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) out.add(fromJson(e));
            return out;
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), fromJson(e.getValue()));
        }
        return out;
    }

    /** Python jmespath's sum is Python's sum(): ints add up to an int (jmespath-java always gives a double). */
    private static final class SumFunction extends BaseFunction {
        SumFunction() {
            super(ArgumentConstraints.arrayOf(ArgumentConstraints.typeOf(JmesPathType.NUMBER)));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            List<T> values = runtime.toList(arguments.get(0).value());
            boolean ints = true;
            long longSum = 0;
            double sum = 0;
            for (T v : values) {
                Number n = runtime.toNumber(v);
                ints &= n instanceof Integer || n instanceof Long || n instanceof Short;
                longSum += n.longValue();
                sum += n.doubleValue();
            }
            return ints ? runtime.createNumber(longSum) : runtime.createNumber(sum);
        }
    }

    /** Python's math.ceil and math.floor return ints. */
    private static final class CeilFunction extends BaseFunction {
        CeilFunction() {
            super(ArgumentConstraints.typeOf(JmesPathType.NUMBER));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            return runtime.createNumber((long) Math.ceil(runtime.toNumber(arguments.get(0).value()).doubleValue()));
        }
    }

    private static final class FloorFunction extends BaseFunction {
        FloorFunction() {
            super(ArgumentConstraints.typeOf(JmesPathType.NUMBER));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            return runtime.createNumber((long) Math.floor(runtime.toNumber(arguments.get(0).value()).doubleValue()));
        }
    }
}
