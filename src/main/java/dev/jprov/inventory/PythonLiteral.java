package dev.jprov.inventory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of an INI inventory variable as Ansible's ini plugin computes it ({@code _parse_value}): Python's
 * {@code ast.literal_eval} of the text, or the text itself when that raises ValueError or SyntaxError. So
 * {@code 23} is an int, {@code True} a bool, {@code None} null, {@code [1, 'a']} a list, {@code 1,2} a tuple
 * (a list here), {@code 'x'} the string x, {@code 0777} and {@code yes} stay text. Only the forms literal_eval
 * accepts are recognised; anything else (names, calls, operators, bad escapes) is not a literal and stays text,
 * which is the same outcome Python gives for a syntax error and for a malformed node.
 *
 * <p>Values literal_eval accepts but jprov has no type for (sets, complex numbers, Ellipsis) and unhashable
 * dict keys are an {@link Unsupported} error: ansible-inventory itself cannot print them.
 */
final class PythonLiteral {

    /** A literal Python accepts that has no jprov value, or one Python itself rejects with TypeError. */
    static final class Unsupported extends IllegalArgumentException {
        Unsupported(String message) {
            super(message);
        }
    }

    /** Not a literal: the text stays a string. Thrown often, so without a stack trace. */
    private static final class NotLiteral extends RuntimeException {
        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static final NotLiteral NOT = new NotLiteral();

    // Python values without a jprov counterpart, kept apart until the whole text is known to be a literal.
    private record Tuple(List<Object> items) {}

    private record PySet(List<Object> items) {}

    private record Complex() {}

    private record Ellipsis() {}

    private record Bytes(byte[] bytes) {}

    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /** literal_eval(text) as jprov values, or {@code text} itself when it is not a Python literal. */
    static Object valueOf(String text) {
        // literal_eval strips leading spaces and tabs only; other leading whitespace is an IndentationError.
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) start++;
        Object raw;
        try {
            PythonLiteral p = new PythonLiteral(text.substring(start));
            raw = p.exprList(true);
            p.space();
            if (p.i < p.s.length()) throw NOT;
        } catch (NotLiteral e) {
            return text;
        }
        // to_text(v, nonstring='passthru'): a bytes result becomes text.
        if (raw instanceof Bytes b) return decode(b.bytes);
        return plain(raw);
    }

    /** Converts the parsed form to jprov values, refusing what has none. */
    private static Object plain(Object v) {
        return switch (v) {
            case Tuple t -> t.items.stream().map(PythonLiteral::plain).toList();
            case List<?> l -> new ArrayList<>(l.stream().map(PythonLiteral::plain).toList());
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(keyText(k), plain(x)));
                yield out;
            }
            case PySet p -> throw new Unsupported("is a Python set, which has no YAML or JSON form");
            case Complex c -> throw new Unsupported("is a Python complex number, which has no YAML or JSON form");
            case Ellipsis e -> throw new Unsupported("is Python's Ellipsis, which has no YAML or JSON form");
            case Bytes b -> decode(b.bytes);
            case null, default -> v;
        };
    }

    /** A dict key as JSON writes it (ansible-inventory's output); lists, dicts and sets are TypeError in Python. */
    private static String keyText(Object k) {
        return switch (k) {
            case null -> "null";
            case List<?> l -> throw new Unsupported("has a list as a dict key (unhashable type: 'list')");
            case Map<?, ?> m -> throw new Unsupported("has a dict as a dict key (unhashable type: 'dict')");
            case PySet p -> throw new Unsupported("has a set as a dict key (unhashable type: 'set')");
            case Tuple t -> {
                plain(t); // a tuple is hashable only when its items are
                throw new Unsupported("has a tuple as a dict key, which has no JSON form");
            }
            case Bytes b -> decode(b.bytes);
            default -> String.valueOf(plain(k));
        };
    }

    /** UTF-8 with Python's surrogateescape for bytes that are not (to_text's surrogate_or_strict). */
    private static String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 1);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) out.put((char) (0xDC00 + (in.get() & 0xFF)));
            } else {
                break;
            }
        }
        d.flush(out);
        return out.flip().toString();
    }

    // --- the parser: Python's expression grammar restricted to what literal_eval accepts ---

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                i = s.length(); // a comment runs to the end of the line
            } else {
                return;
            }
        }
    }

    private boolean eat(char c) {
        space();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private char peek() {
        space();
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** {@code a, b} (a tuple, when {@code bare} or inside parentheses) or one expression. */
    private Object exprList(boolean bare) {
        Object first = expr();
        if (peek() != ',') return first;
        List<Object> items = new ArrayList<>();
        items.add(first);
        while (eat(',')) {
            char c = peek();
            if (c == '\0' || c == ')') break;
            items.add(expr());
        }
        if (!bare && peek() != ')') throw NOT;
        return new Tuple(items);
    }

    /** A signed number, or {@code num + numj}: literal_eval's only BinOp, which makes a complex number. */
    private Object expr() {
        Object left = unary();
        char c = peek();
        if (c != '+' && c != '-') return left;
        i++;
        Object right = atom();
        boolean leftIsNumber = left instanceof Number; // int or float: not a bool, not complex
        if (!leftIsNumber || !(right instanceof Complex)) throw NOT;
        char after = peek();
        if (after == '+' || after == '-') throw NOT; // (a + bj) + cj: the left is not a number
        return new Complex();
    }

    private Object unary() {
        char c = peek();
        if (c != '+' && c != '-') return atom();
        i++;
        Object v = atom();
        // UnaryOp applies to a number constant only: not to a bool, a container or another UnaryOp.
        return switch (v) {
            case Integer n -> c == '-' ? narrow(BigInteger.valueOf(n).negate()) : n;
            case Long n -> c == '-' ? narrow(BigInteger.valueOf(n).negate()) : n;
            case BigInteger n -> c == '-' ? narrow(n.negate()) : n;
            case Double d -> c == '-' ? -d : d;
            case Complex x -> x;
            default -> throw NOT;
        };
    }

    private Object atom() {
        char c = peek();
        if (c == '\0') throw NOT;
        Object v;
        if (c == '(') {
            i++;
            if (eat(')')) return new Tuple(List.of());
            v = exprList(false);
            if (!eat(')')) throw NOT;
            return v;
        }
        if (c == '[') {
            i++;
            List<Object> items = new ArrayList<>();
            while (!eat(']')) {
                items.add(expr());
                if (!eat(',')) {
                    if (!eat(']')) throw NOT;
                    break;
                }
            }
            return items;
        }
        if (c == '{') {
            i++;
            return braces();
        }
        if (c >= '0' && c <= '9' || c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
            return number();
        }
        if (s.startsWith("...", i)) {
            i += 3;
            return new Ellipsis();
        }
        if (c == '\'' || c == '"' || Character.isLetter(c) || c == '_') return stringsOrName();
        throw NOT;
    }

    private Object braces() {
        if (eat('}')) return new LinkedHashMap<>();
        Object first = expr();
        if (eat(':')) {
            // keyed by the key as Python compares it (1 == 1.0 == True); the first key written names the entry
            Map<Object, Object> values = new LinkedHashMap<>();
            Map<Object, Object> firstKeys = new LinkedHashMap<>();
            Object key = first;
            while (true) {
                Object value = expr();
                Object k = hashKey(key);
                firstKeys.putIfAbsent(k, key);
                values.put(k, value); // a repeated key keeps its first place and takes the last value
                if (!eat(',')) break;
                if (peek() == '}') break;
                key = expr();
                if (!eat(':')) throw NOT;
            }
            if (!eat('}')) throw NOT;
            Map<Object, Object> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(firstKeys.get(k), v));
            return out;
        }
        List<Object> items = new ArrayList<>();
        items.add(first);
        while (eat(',')) {
            if (peek() == '}') break;
            items.add(expr());
        }
        if (!eat('}')) throw NOT;
        return new PySet(items);
    }

    /** A dict key as Python compares keys: numbers by value, True as 1; containers by identity (refused later). */
    private static Object hashKey(Object k) {
        return switch (k) {
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            case Integer n -> BigInteger.valueOf(n);
            case Long n -> BigInteger.valueOf(n);
            case Double d when !d.isInfinite() && !d.isNaN() && d == Math.rint(d)
                    -> new java.math.BigDecimal(d).toBigInteger();
            case null, default -> k instanceof List<?> || k instanceof Map<?, ?> ? new Object() : k;
        };
    }

    private Object stringsOrName() {
        int nameStart = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        String word = s.substring(nameStart, i);
        if (i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
            i = nameStart;
            return strings();
        }
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            case "set" -> {
                // set() is the one call literal_eval accepts
                if (!eat('(') || !eat(')')) throw NOT;
                yield new PySet(List.of());
            }
            default -> throw NOT;
        };
    }

    /** Adjacent string literals concatenate; str and bytes do not mix. */
    private Object strings() {
        StringBuilder text = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Boolean isBytes = null;
        while (true) {
            char c = peek();
            if (!(c == '\'' || c == '"' || Character.isLetter(c))) break;
            int save = i;
            int p = i;
            while (p < s.length() && Character.isLetter(s.charAt(p))) p++;
            if (p >= s.length() || s.charAt(p) != '\'' && s.charAt(p) != '"') {
                i = save;
                break;
            }
            String prefix = s.substring(i, p).toLowerCase();
            boolean raw = prefix.contains("r");
            boolean b = prefix.contains("b");
            if (!List.of("", "r", "u", "b", "br", "rb").contains(prefix)) throw NOT; // f-strings are not literals
            if (isBytes != null && isBytes != b) throw NOT;
            isBytes = b;
            i = p;
            String body = stringBody(raw, b);
            if (b) {
                for (int k = 0; k < body.length(); k++) bytes.write(body.charAt(k));
            } else {
                text.append(body);
            }
        }
        if (isBytes == null) throw NOT;
        return isBytes ? new Bytes(bytes.toByteArray()) : text.toString();
    }

    /** The body of one quoted literal at {@code i}; for bytes each char is one byte (0-255). */
    private String stringBody(boolean raw, boolean bytes) {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw NOT; // unterminated
            char c = s.charAt(i);
            if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
                i += triple ? 3 : 1;
                return out.toString();
            }
            if (bytes && c > 0x7F) throw NOT; // bytes can only contain ASCII literal characters
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) throw NOT;
            char e = s.charAt(i + 1);
            if (raw) {
                out.append(c).append(e);
                i += 2;
                continue;
            }
            i += 2;
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000B');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u', 'U', 'N' -> {
                    if (bytes) {
                        out.append('\\').append(e); // not escapes in bytes
                    } else if (e == 'N') {
                        out.appendCodePoint(named());
                    } else {
                        int cp = hex(e == 'u' ? 4 : 8);
                        if (cp > Character.MAX_CODE_POINT) throw NOT;
                        out.appendCodePoint(cp);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                            v = v * 8 + (s.charAt(i++) - '0');
                        }
                        if (bytes && v > 0xFF) throw NOT;
                        out.appendCodePoint(v);
                    } else {
                        out.append('\\').append(e); // an unknown escape keeps its backslash
                    }
                }
            }
        }
    }

    private int hex(int digits) {
        if (i + digits > s.length()) throw NOT;
        String h = s.substring(i, i + digits);
        if (!h.chars().allMatch(ch -> digit((char) ch, 16) >= 0)) throw NOT;
        i += digits;
        return (int) Long.parseLong(h, 16);
    }

    private int named() {
        if (i >= s.length() || s.charAt(i) != '{') throw NOT;
        int end = s.indexOf('}', i);
        if (end < 0) throw NOT;
        String name = s.substring(i + 1, end);
        i = end + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw NOT;
        }
    }

    /** Python's number tokens: decimal (no leading zeros), 0x/0o/0b, floats, imaginary; '_' between digits. */
    private Object number() {
        int start = i;
        if (s.charAt(i) == '0' && i + 1 < s.length() && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
            char kind = Character.toLowerCase(s.charAt(i + 1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            i += 2;
            StringBuilder digits = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '_' && i + 1 < s.length() && digit(s.charAt(i + 1), radix) >= 0) {
                    i++;
                    continue;
                }
                if (digit(c, radix) < 0) break;
                digits.append(c);
                i++;
            }
            if (digits.isEmpty()) throw NOT;
            endOfNumber();
            return narrow(new BigInteger(digits.toString(), radix));
        }
        String intPart = digitPart();
        boolean isFloat = false;
        String frac = "";
        String exp = "";
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            isFloat = true;
            if (i < s.length() && isDigit(s.charAt(i))) frac = digitPart();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            String sign = "";
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) sign = String.valueOf(s.charAt(i++));
            if (i < s.length() && isDigit(s.charAt(i))) {
                exp = "e" + sign + digitPart();
                isFloat = true;
            } else {
                i = save;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'j' || s.charAt(i) == 'J')) {
            i++;
            endOfNumber();
            return new Complex();
        }
        endOfNumber();
        if (isFloat) return Double.parseDouble((intPart.isEmpty() ? "0" : intPart) + "." + frac + exp);
        // "0777" is a SyntaxError (leading zeros); "000" is 0
        if (intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(ch -> ch == '0')) throw NOT;
        if (intPart.isEmpty() || start == i) throw NOT;
        return narrow(new BigInteger(intPart));
    }

    /** Digits with single underscores between them; the underscores dropped. */
    private String digitPart() {
        StringBuilder d = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
                i++;
            } else if (c == '_' && !d.isEmpty() && i + 1 < s.length() && isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return d.toString();
    }

    /** A number directly followed by a letter, digit or '_' is not one token Python reads as a literal. */
    private void endOfNumber() {
        if (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
            throw NOT;
        }
    }

    /** ASCII digits only: Python's tokenizer does not read other scripts' digits as numbers. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digit(char c, int radix) {
        return c < 0x80 ? Character.digit(c, radix) : -1;
    }

    /** The same integer types as the YAML reader gives. */
    private static Number narrow(BigInteger n) {
        if (n.bitLength() < 32) return n.intValue();
        if (n.bitLength() < 64) return n.longValue();
        return n;
    }
}
