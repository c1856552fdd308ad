package dev.jprov.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's ast.literal_eval for what Ansible feeds it: Ansible 2.14 turns a rendered task string that starts
 * with '[' or '{', or is exactly True/False, into the value it spells ("[{{ a }}, 2]" becomes a list), and reads
 * JSON's true/false/null as well. Anything it cannot read stays the string.
 */
final class PythonLiteral {
    private static final Object NONE = new Object();

    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /** Applies Ansible's conversion to a rendered string; returns the string itself when it does not apply. */
    static Object convert(String rendered) {
        if (!(rendered.startsWith("[") || rendered.startsWith("{") || rendered.equals("True") || rendered.equals("False"))) {
            return rendered;
        }
        Object v = parse(rendered).orElse(rendered);
        return v == NONE ? null : v;
    }

    /** The value, with None as the NONE marker (Optional cannot hold null); empty when not a literal. */

    static Optional<Object> parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        try {
            Object v = p.value();
            p.skipSpace();
            if (p.i != text.length()) return Optional.empty();
            return Optional.of(v == null ? NONE : v);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private Object value() {
        skipSpace();
        char c = s.charAt(i);
        if (c == '[') return sequence(']');
        if (c == '(') return new PythonTuple(sequence(')').toArray());
        if (c == '{') return dict();
        if (c == '\'' || c == '"') return string();
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') return number();
        String word = word();
        return switch (word) {
            case "True", "true" -> true;
            case "False", "false" -> false;
            case "None", "null" -> null;
            default -> throw new IllegalArgumentException("not a literal: " + word);
        };
    }

    private List<Object> sequence(char close) {
        i++;
        List<Object> out = new ArrayList<>();
        skipSpace();
        while (s.charAt(i) != close) {
            out.add(value());
            skipSpace();
            if (s.charAt(i) == ',') {
                i++;
                skipSpace();
            } else if (s.charAt(i) != close) {
                throw new IllegalArgumentException("expected , or " + close);
            }
        }
        i++;
        return out;
    }

    private Map<Object, Object> dict() {
        i++;
        Map<Object, Object> out = new LinkedHashMap<>();
        skipSpace();
        while (s.charAt(i) != '}') {
            Object key = value();
            skipSpace();
            if (s.charAt(i++) != ':') throw new IllegalArgumentException("expected :");
            out.put(key, value());
            skipSpace();
            if (s.charAt(i) == ',') {
                i++;
                skipSpace();
            } else if (s.charAt(i) != '}') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
        i++;
        return out;
    }

    private String string() {
        char quote = s.charAt(i++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == quote) return sb.toString();
            if (c == '\n') throw new IllegalArgumentException("newline in string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case '\\', '\'', '"' -> sb.append(e);
                case '\n' -> { }
                case 'x' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append('\\').append(e);
            }
        }
    }

    private Object number() {
        int start = i;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') i++;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
            i++;
        }
        String n = s.substring(start, i).replace("_", "");
        if (n.matches("[-+]?\\d+")) {
            if (n.replaceFirst("^[-+]", "").matches("0\\d+")) throw new IllegalArgumentException("leading zeros");
            BigInteger v = new BigInteger(n);
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }
        if (n.matches("[-+]?0[xX][0-9a-fA-F]+")) {
            BigInteger v = new BigInteger(n.replaceFirst("0[xX]", ""), 16);
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }
        if (n.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) return Double.parseDouble(n);
        throw new IllegalArgumentException("not a number: " + n);
    }

    private String word() {
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        return s.substring(start, i);
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }
}
