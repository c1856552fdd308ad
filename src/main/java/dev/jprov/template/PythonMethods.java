package dev.jprov.template;

import com.hubspot.jinjava.objects.SafeString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Python methods templates call on strings, dicts and lists ({@code x.split(',')}, {@code d.items()},
 * {@code name.startswith('db')}), implemented with Python's semantics. This fixed list is the only way a
 * template can call a method: Java methods are never reachable.
 */
final class PythonMethods {
    private PythonMethods() {}

    static Object call(Object base, String name, List<Object> args) {
        if (base instanceof String || base instanceof SafeString) return stringMethod(base.toString(), name, args);
        if (base instanceof Map<?, ?> map) return dictMethod(map, name, args);
        if (base instanceof List<?> list) return listMethod(list, name, args);
        throw RenderSession.failure("'" + PythonRepr.typeName(base) + " object' has no attribute '" + name + "'");
    }

    private static Object stringMethod(String s, String name, List<Object> a) {
        return switch (name) {
            case "startswith" -> anyOf(arg(a, 0), p -> s.startsWith(p));
            case "endswith" -> anyOf(arg(a, 0), p -> s.endsWith(p));
            case "lower" -> s.toLowerCase(java.util.Locale.ROOT);
            case "upper" -> s.toUpperCase(java.util.Locale.ROOT);
            case "strip" -> strip(s, a.isEmpty() ? null : str(a.get(0)), true, true);
            case "lstrip" -> strip(s, a.isEmpty() ? null : str(a.get(0)), true, false);
            case "rstrip" -> strip(s, a.isEmpty() ? null : str(a.get(0)), false, true);
            case "split" -> split(s, a.isEmpty() ? null : (String) a.get(0), a.size() > 1 ? toInt(a.get(1)) : -1);
            case "rsplit" -> rsplit(s, a.isEmpty() ? null : (String) a.get(0), a.size() > 1 ? toInt(a.get(1)) : -1);
            case "splitlines" -> {
                List<Object> lines = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
                if (lines.get(lines.size() - 1).equals("")) lines.remove(lines.size() - 1);
                yield lines;
            }
            case "replace" -> replace(s, str(arg(a, 0)), str(arg(a, 1)), a.size() > 2 ? toInt(a.get(2)) : -1);
            case "find" -> (long) s.indexOf(str(arg(a, 0)));
            case "rfind" -> (long) s.lastIndexOf(str(arg(a, 0)));
            case "index" -> {
                int i = s.indexOf(str(arg(a, 0)));
                if (i < 0) throw RenderSession.failure("substring not found");
                yield (long) i;
            }
            case "count" -> (long) countOf(s, str(arg(a, 0)));
            case "join" -> {
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (Object o : iterable(arg(a, 0))) {
                    if (!first) sb.append(s);
                    first = false;
                    sb.append(PythonRepr.str(o));
                }
                yield sb.toString();
            }
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
            case "title" -> TextFilters.title(s);
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace" -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            case "zfill" -> {
                int width = toInt(arg(a, 0));
                String sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? s.substring(0, 1) : "";
                String rest = s.substring(sign.length());
                yield s.length() >= width ? s : sign + "0".repeat(width - s.length()) + rest;
            }
            case "ljust" -> pad(s, toInt(arg(a, 0)), a.size() > 1 ? str(a.get(1)) : " ", false);
            case "rjust" -> pad(s, toInt(arg(a, 0)), a.size() > 1 ? str(a.get(1)) : " ", true);
            case "center" -> {
                int width = toInt(arg(a, 0));
                if (s.length() >= width) yield s;
                String fill = a.size() > 1 ? str(a.get(1)) : " ";
                int total = width - s.length();
                int left = total / 2 + (total & width & 1); // CPython's rounding
                yield fill.repeat(left) + s + fill.repeat(total - left);
            }
            case "format" -> format(s, a);
            default -> throw noAttribute("str", name);
        };
    }

    private static Object dictMethod(Map<?, ?> map, String name, List<Object> a) {
        return switch (name) {
            case "keys" -> new ArrayList<Object>(map.keySet());
            case "values" -> new ArrayList<Object>(map.values());
            case "items" -> {
                List<Object> out = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) out.add(new PythonTuple(e.getKey(), e.getValue()));
                yield out;
            }
            case "get" -> {
                Object key = arg(a, 0);
                Object v = SandboxedResolver.attribute(map, key);
                yield v instanceof Undefined ? (a.size() > 1 ? a.get(1) : null) : v;
            }
            case "copy" -> new java.util.LinkedHashMap<Object, Object>(map);
            case "update" -> {
                @SuppressWarnings("unchecked")
                Map<Object, Object> target = (Map<Object, Object>) map;
                try {
                    target.putAll((Map<?, ?>) arg(a, 0));
                } catch (UnsupportedOperationException e) {
                    throw RenderSession.failure("cannot modify a variable's dict from a template");
                }
                yield null;
            }
            default -> throw noAttribute("dict", name);
        };
    }

    private static Object listMethod(List<?> list, String name, List<Object> a) {
        @SuppressWarnings("unchecked")
        List<Object> target = (List<Object>) list;
        try {
            return switch (name) {
                case "index" -> {
                    int i = list.indexOf(arg(a, 0));
                    if (i < 0) throw RenderSession.failure(PythonRepr.repr(arg(a, 0)) + " is not in list");
                    yield (long) i;
                }
                case "count" -> list.stream().filter(o -> Objects.equals(o, arg(a, 0))).count();
                case "append" -> {
                    target.add(arg(a, 0));
                    yield null;
                }
                case "extend" -> {
                    for (Object o : iterable(arg(a, 0))) target.add(o);
                    yield null;
                }
                case "insert" -> {
                    target.add(toInt(arg(a, 0)), arg(a, 1));
                    yield null;
                }
                case "pop" -> target.remove(a.isEmpty() ? list.size() - 1 : toInt(a.get(0)));
                case "copy" -> new ArrayList<Object>(list);
                default -> throw noAttribute("list", name);
            };
        } catch (UnsupportedOperationException e) {
            throw RenderSession.failure("cannot modify a variable's list from a template");
        }
    }

    private static TemplateFailure noAttribute(String type, String name) {
        return RenderSession.failure("'" + type + " object' has no attribute '" + name + "'");
    }

    private static Object arg(List<Object> a, int i) {
        if (i >= a.size()) throw RenderSession.failure("missing argument " + (i + 1));
        return a.get(i);
    }

    private static String str(Object o) {
        return PythonRepr.str(o);
    }

    static int toInt(Object o) {
        if (o instanceof Number n) return n.intValue();
        return Integer.parseInt(str(o).trim());
    }

    static Iterable<?> iterable(Object o) {
        if (o instanceof Iterable<?> it) return it;
        if (o instanceof Map<?, ?> m) return m.keySet();
        if (o instanceof String s) return s.codePoints().mapToObj(Character::toString).toList();
        if (o instanceof Undefined u) throw u.fail();
        throw RenderSession.failure("'" + PythonRepr.typeName(o) + "' object is not iterable");
    }

    private static boolean anyOf(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof Collection<?> c) {
            for (Object p : c) if (test.test(str(p))) return true;
            return false;
        }
        return test.test(str(prefixes));
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) while (start < end && stripped(s.charAt(start), chars)) start++;
        if (right) while (end > start && stripped(s.charAt(end - 1), chars)) end--;
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    /** Python's str.split: no separator splits on whitespace runs and drops empty parts. */
    static List<Object> split(String s, String sep, int maxsplit) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= n) break;
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(strip(s.substring(i), null, false, true));
                    return out;
                }
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) j++;
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        if (sep.isEmpty()) throw RenderSession.failure("empty separator");
        int from = 0;
        while (maxsplit < 0 || out.size() < maxsplit) {
            int at = s.indexOf(sep, from);
            if (at < 0) break;
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static List<Object> rsplit(String s, String sep, int maxsplit) {
        if (maxsplit < 0 || sep == null) return split(s, sep, maxsplit);
        List<Object> out = new ArrayList<>();
        int end = s.length();
        while (out.size() < maxsplit) {
            int at = s.lastIndexOf(sep, end - sep.length());
            if (at < 0) break;
            out.add(0, s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    static String replace(String s, String old, String repl, int count) {
        if (count < 0) return s.replace(old, repl);
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (int n = 0; n < count; n++) {
            int at = s.indexOf(old, from);
            if (at < 0) break;
            sb.append(s, from, at).append(repl);
            from = at + old.length();
        }
        return sb.append(s.substring(from)).toString();
    }

    private static int countOf(String s, String sub) {
        if (sub.isEmpty()) return s.length() + 1;
        int n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) n++;
        return n;
    }

    private static String pad(String s, int width, String fill, boolean left) {
        if (s.length() >= width) return s;
        String p = fill.repeat(width - s.length());
        return left ? p + s : s + p;
    }

    /** str.format with {} and {0} placeholders (no format specs), enough for templates' common use. */
    private static String format(String s, List<Object> a) {
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) throw RenderSession.failure("Single '{' encountered in format string");
                String field = s.substring(i + 1, close);
                int index = field.isEmpty() ? auto++ : Integer.parseInt(field);
                sb.append(str(arg(a, index)));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
