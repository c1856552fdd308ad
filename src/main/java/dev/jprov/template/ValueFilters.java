package dev.jprov.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jprov.pyformat.PythonJson;
import dev.jprov.source.LoadException;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Filters on values as a whole: defaults, type conversions, and JSON/YAML in and out. */
final class ValueFilters {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ValueFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                new AnsibleFilter("default", true, ValueFilters::defaultValue),
                new AnsibleFilter("d", true, ValueFilters::defaultValue),
                new AnsibleFilter("mandatory", true, (v, a) -> {
                    if (!(v instanceof Undefined u)) return v;
                    String msg = a.string(0, "msg", null);
                    if (msg != null) throw RenderSession.failure(msg);
                    String name = u.message().endsWith(" is undefined")
                            ? u.message().substring(0, u.message().length() - " is undefined".length()) + " " : "";
                    throw RenderSession.failure("Mandatory variable " + name + " not defined.");
                }),
                f("bool", (v, a) -> toBool(v)),
                f("int", ValueFilters::toInt),
                f("float", (v, a) -> toFloat(v, a.get(0, "default", 0.0))),
                f("abs", (v, a) -> v instanceof Double d ? (Object) Math.abs(d) : (Object) Math.abs(((Number) v).longValue())),
                f("round", ValueFilters::round),
                f("ternary", (v, a) -> {
                    Object noneVal = a.get(2, "none_val", null);
                    if (v == null && noneVal != null) return noneVal;
                    return PythonTypeConverter.truthy(v) ? a.get(0, "true_val", null) : a.get(1, "false_val", null);
                }),
                f("type_debug", (v, a) -> PythonRepr.typeName(v)),
                f("to_json", (v, a) -> jsonDump(v, a, null, false)),
                f("to_nice_json", (v, a) -> jsonDump(v, a, 4, true)),
                f("to_yaml", (v, a) -> PythonYaml.dump(v, intOrNull(a.get(-1, "indent", null)),
                        (Boolean) a.get(-1, "default_flow_style", null), a.integer(-1, "width", 80))),
                f("to_nice_yaml", (v, a) -> PythonYaml.dump(v, a.integer(0, "indent", 4), false, a.integer(-1, "width", 80))),
                f("from_json", (v, a) -> fromJson(TextFilters.str(v))),
                f("from_yaml", (v, a) -> v instanceof String s ? fromYaml(s, false) : v),
                f("from_yaml_all", (v, a) -> v instanceof String s ? fromYaml(s, true) : v));
    }

    private static AnsibleFilter f(String name, AnsibleFilter.Function fn) {
        return new AnsibleFilter(name, false, fn);
    }

    /** Jinja's default(value, default_value='', boolean=False). */
    private static Object defaultValue(Object v, FilterArgs a) {
        boolean useIfFalsy = a.bool(1, "boolean", false);
        if (v instanceof Undefined || (useIfFalsy && !PythonTypeConverter.truthy(v))) {
            return a.get(0, "default_value", "");
        }
        return v;
    }

    /** Ansible's to_bool: None stays None, bools as they are, 'yes'/'on'/'1'/'true'/1 true, anything else false. */
    static Object toBool(Object v) {
        if (v == null || v instanceof Boolean) return v;
        Object x = v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
        if (x instanceof String s) return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true");
        if (x instanceof Number n) return (x instanceof Double || x instanceof Float) ? n.doubleValue() == 1.0 : n.longValue() == 1;
        return false;
    }

    /** Jinja's int(value, default=0, base=10): '3.7' gives 3, garbage gives the default. */
    private static Object toInt(Object v, FilterArgs a) {
        Object fallback = a.get(0, "default", 0L);
        int base = a.integer(1, "base", 10);
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return narrow(new BigDecimal(((Number) v).doubleValue()).toBigInteger());
        }
        if (v instanceof Number n) return n;
        String s = TextFilters.str(v).strip().replace("_", "");
        try {
            String digits = s;
            if (base == 16 && digits.toLowerCase(Locale.ROOT).matches("[-+]?0x.*")) digits = digits.replaceFirst("(?i)0x", "");
            if (base == 8 && digits.toLowerCase(Locale.ROOT).matches("[-+]?0o.*")) digits = digits.replaceFirst("(?i)0o", "");
            if (base == 2 && digits.toLowerCase(Locale.ROOT).matches("[-+]?0b.*")) digits = digits.replaceFirst("(?i)0b", "");
            return narrow(new BigInteger(digits, base));
        } catch (NumberFormatException e) {
            try {
                return narrow(new BigDecimal(s).toBigInteger());
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    private static Object narrow(BigInteger i) {
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    private static Object toFloat(Object v, Object fallback) {
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        if (v instanceof Number n) return n.doubleValue();
        String s = TextFilters.str(v).strip().toLowerCase(Locale.ROOT);
        try {
            return switch (s) {
                case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(s);
            };
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Jinja's round: 'common' is Python's round() (half to even on the exact binary value), else ceil/floor. */
    private static Object round(Object v, FilterArgs a) {
        int precision = a.integer(0, "precision", 0);
        String method = a.string(1, "method", "common");
        double d = ((Number) toFloat(v, 0.0)).doubleValue();
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw RenderSession.failure("method must be common, ceil or floor");
        };
        return new BigDecimal(d).setScale(precision, mode).doubleValue();
    }

    private static String jsonDump(Object v, FilterArgs a, Integer defaultIndent, boolean defaultSort) {
        Integer indent = a.has(0, "indent") ? intOrNull(a.get(0, "indent", null)) : defaultIndent;
        boolean sort = a.bool(-1, "sort_keys", defaultSort);
        boolean ascii = a.bool(-1, "ensure_ascii", true);
        // Python orders mixed keys its own way; an undefined value inside fails as Ansible's to_json does.
        return PythonJson.dumps(indent, sort, ascii).withKeyOrder(PythonOrder::compare).withOther(o -> {
            if (o instanceof Undefined u) throw u.fail();
            return o.toString();
        }).write(v);
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : PythonMethods.toInt(o);
    }

    static Object fromJson(String s) {
        try {
            return normalizeNumbers(JSON.readValue(s, Object.class));
        } catch (JsonProcessingException e) {
            throw RenderSession.failure("from_json: " + e.getOriginalMessage());
        }
    }

    private static Object normalizeNumbers(Object o) {
        if (o instanceof BigInteger bi) return narrow(bi);
        if (o instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalizeNumbers(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(normalizeNumbers(x));
            return out;
        }
        return o;
    }

    private static Object fromYaml(String s, boolean all) {
        try {
            List<YamlNode> docs = new YamlReader().readAll(null, s);
            if (all) {
                List<Object> out = new ArrayList<>();
                for (YamlNode d : docs) out.add(d == null ? null : d.toPlain());
                return out;
            }
            return docs.isEmpty() || docs.get(0) == null ? null : docs.get(0).toPlain();
        } catch (LoadException e) {
            throw RenderSession.failure("from_yaml: " + e.problem());
        }
    }
}
