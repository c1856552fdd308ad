package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.util.ForLoop;
import java.beans.FeatureDescriptor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotWritableException;

/**
 * Attribute, item and method access for templates, and nothing else: dict keys, list and string indexes,
 * jinjava's {@code loop} object, and a fixed set of Python str/dict/list methods. There is no Java bean access
 * and no reflection, so a template cannot reach getClass() or any Java API. A missing key or attribute gives an
 * Undefined carrying Jinja's message; attributes of an Undefined are that same Undefined (AnsibleUndefined).
 */
final class SandboxedResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) return null;
        context.setPropertyResolved(true);
        return attribute(base, property);
    }

    static Object attribute(Object base, Object property) {
        if (base instanceof Undefined) return base;
        if (base instanceof Map<?, ?> map) {
            if (map.containsKey(property)) return map.get(property);
            Long index = asIndex(property);
            if (index != null) {
                // Numeric keys: YAML may give Integer keys while the expression gives "1" or a Long.
                for (Object key : List.of(index.intValue(), index, String.valueOf(index))) {
                    if (map.containsKey(key)) return map.get(key);
                }
            }
            return Undefined.attribute(base, property);
        }
        if (base instanceof List<?> list) {
            Long index = asIndex(property);
            if (index == null) return Undefined.attribute(base, property);
            long i = index < 0 ? index + list.size() : index;
            if (i < 0 || i >= list.size()) return new Undefined("list object has no element " + index);
            return list.get((int) i);
        }
        if (base instanceof String || base instanceof SafeString) {
            String s = base.toString();
            Long index = asIndex(property);
            if (index == null) return Undefined.attribute(s, property);
            long i = index < 0 ? index + s.length() : index;
            if (i < 0 || i >= s.length()) return new Undefined("str object has no element " + index);
            return String.valueOf(s.charAt((int) i));
        }
        if (base instanceof ForLoop loop) return loopAttribute(loop, String.valueOf(property));
        return Undefined.attribute(base, property);
    }

    private static Object loopAttribute(ForLoop loop, String name) {
        return switch (name) {
            case "index" -> loop.getIndex();
            case "index0" -> loop.getIndex0();
            case "revindex" -> loop.getRevindex();
            case "revindex0" -> loop.getRevindex0();
            case "first" -> loop.isFirst();
            case "last" -> loop.isLast();
            case "length" -> loop.getLength();
            case "depth" -> loop.getDepth();
            case "depth0" -> loop.getDepth0();
            default -> new Undefined("'LoopContext' object has no attribute '" + name + "'");
        };
    }

    private static Long asIndex(Object property) {
        if (property instanceof Integer || property instanceof Long || property instanceof Short) {
            return ((Number) property).longValue();
        }
        if (property instanceof String s && !s.isEmpty() && s.matches("-?\\d{1,18}")) return Long.parseLong(s);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null) return null;
        context.setPropertyResolved(true);
        String name = String.valueOf(method);
        Object[] args = params == null ? new Object[0] : params;
        // jinjava calls filters and tests as methods of their objects: filter:name.filter(...), exptest:name.evaluate(...)
        if (base instanceof Filter filter && name.equals("filter") && args.length == 4
                && args[1] instanceof JinjavaInterpreter interpreter && args[2] instanceof Object[] positional
                && args[3] instanceof Map<?, ?> named) {
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = (Map<String, Object>) named;
            return filter.filter(args[0], interpreter, positional, kwargs);
        }
        if (base instanceof ExpTest test && (name.equals("evaluate") || name.equals("evaluateNegated"))
                && args.length >= 2 && args[1] instanceof JinjavaInterpreter interpreter) {
            Object[] rest = flattenVarargs(Arrays.copyOfRange(args, 2, args.length));
            // jinjava parses a test's arguments as one value, so "is version('1.2', '>=')" arrives as a tuple
            if (rest.length == 1 && rest[0] instanceof PythonTuple t) rest = t.toArray();
            return name.equals("evaluate") ? test.evaluate(args[0], interpreter, rest)
                    : test.evaluateNegated(args[0], interpreter, rest);
        }
        if (base instanceof ForLoop loop && name.equals("cycle")) return loop.cycle(flattenVarargs(args));
        if (base instanceof Undefined u) throw u.fail();
        return PythonMethods.call(base, name, Arrays.asList(flattenVarargs(args)));
    }

    /** The EL packs a varargs tail into one Object[]; unpack it. */
    private static Object[] flattenVarargs(Object[] args) {
        if (args.length == 1 && args[0] instanceof Object[] inner) return inner;
        return args;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base == null) return null;
        context.setPropertyResolved(true);
        return Object.class;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        throw new PropertyNotWritableException("templates cannot assign to attributes");
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base != null) context.setPropertyResolved(true);
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
