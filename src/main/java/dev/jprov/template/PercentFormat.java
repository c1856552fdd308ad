package dev.jprov.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's printf-style formatting, {@code "%s-%03d" % (a, b)} and {@code "%(name)s" % {'name': x}}, which the
 * {@code %} operator on a string and Jinja's format filter use: mapping keys, the flags {@code -+ #0}, width and
 * precision (also {@code *}), the length modifiers h/l/L (ignored, as Python does), and the conversions d i u o x X
 * e E f F g G c r s a %. Floats round half-even on their exact binary value, as CPython's.
 */
final class PercentFormat {
    private final String format;
    private final List<Object> positional;
    private final Map<?, ?> mapping;
    private int next;
    private int pos;

    private PercentFormat(String format, List<Object> positional, Map<?, ?> mapping) {
        this.format = format;
        this.positional = positional;
        this.mapping = mapping;
    }

    /** {@code format % args}: a tuple gives the positional arguments, a dict may serve %(key)s, any other value is one argument. */
    static String apply(String format, Object args) {
        if (args instanceof PythonTuple t) return new PercentFormat(format, t, null).run(true);
        Map<?, ?> mapping = args instanceof Map<?, ?> m ? m : null;
        return new PercentFormat(format, java.util.Collections.singletonList(args), mapping).run(mapping == null);
    }

    /** Jinja's format filter: {@code value % (kwargs or args)}. */
    static String format(String format, List<Object> args, Map<String, Object> kwargs) {
        if (!args.isEmpty() && !kwargs.isEmpty()) {
            throw RenderSession.failure("can't handle positional and keyword arguments at the same time");
        }
        if (!kwargs.isEmpty()) return new PercentFormat(format, List.of(kwargs), kwargs).run(false);
        return new PercentFormat(format, args, null).run(true);
    }

    static String format(String format, List<Object> args) {
        return format(format, args, Map.of());
    }

    private String run(boolean checkAllUsed) {
        StringBuilder out = new StringBuilder();
        boolean usedMapping = false;
        while (pos < format.length()) {
            char c = format.charAt(pos++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            Object value = null;
            boolean keyed = false;
            if (peek() == '(') {
                if (mapping == null) throw RenderSession.failure("format requires a mapping");
                int depth = 1;
                int start = ++pos;
                while (pos < format.length() && depth > 0) {
                    char k = format.charAt(pos++);
                    if (k == '(') depth++;
                    else if (k == ')') depth--;
                }
                if (depth > 0) throw RenderSession.failure("incomplete format key");
                String key = format.substring(start, pos - 1);
                if (!mapping.containsKey(key)) throw RenderSession.failure("KeyError: " + PythonRepr.repr(key));
                value = mapping.get(key);
                keyed = true;
                usedMapping = true;
            }
            boolean left = false, plus = false, space = false, alt = false, zero = false;
            for (;; pos++) {
                char f = peek();
                if (f == '-') left = true;
                else if (f == '+') plus = true;
                else if (f == ' ') space = true;
                else if (f == '#') alt = true;
                else if (f == '0') zero = true;
                else break;
            }
            int width = -1;
            if (peek() == '*') {
                pos++;
                width = starArgument();
                if (width < 0) {
                    left = true;
                    width = -width;
                }
            } else {
                width = digits();
            }
            int precision = -1;
            if (peek() == '.') {
                pos++;
                if (peek() == '*') {
                    pos++;
                    precision = Math.max(0, starArgument());
                } else {
                    precision = Math.max(0, digits());
                }
            }
            while (peek() == 'h' || peek() == 'l' || peek() == 'L') pos++;
            if (pos >= format.length()) throw RenderSession.failure("incomplete format");
            char conv = format.charAt(pos++);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (!keyed) value = nextArgument();
            out.append(convert(conv, value, new Spec(left, plus, space, alt, zero, width, precision)));
        }
        if (checkAllUsed && next < positional.size() && !usedMapping) {
            throw RenderSession.failure("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private record Spec(boolean left, boolean plus, boolean space, boolean alt, boolean zero, int width, int precision) {}

    private char peek() {
        return pos < format.length() ? format.charAt(pos) : '\0';
    }

    private int digits() {
        int start = pos;
        while (pos < format.length() && Character.isDigit(format.charAt(pos))) pos++;
        return start == pos ? -1 : Integer.parseInt(format.substring(start, pos));
    }

    private int starArgument() {
        Object v = nextArgument();
        if (!(v instanceof Integer || v instanceof Long)) throw RenderSession.failure("* wants int");
        return ((Number) v).intValue();
    }

    private Object nextArgument() {
        if (next >= positional.size()) throw RenderSession.failure("not enough arguments for format string");
        return positional.get(next++);
    }

    private static String convert(char conv, Object value, Spec spec) {
        return switch (conv) {
            case 's', 'r', 'a' -> {
                String text = conv == 's' ? PythonRepr.str(value) : conv == 'r' ? PythonRepr.repr(value) : ascii(PythonRepr.repr(value));
                if (spec.precision >= 0 && text.length() > spec.precision) text = text.substring(0, spec.precision);
                yield pad("", text, spec, false);
            }
            case 'c' -> pad("", character(value), spec, false);
            case 'd', 'i', 'u' -> integer(realToInteger(conv, value), 10, "", spec);
            case 'o' -> integer(exactInteger(conv, value), 8, spec.alt ? "0o" : "", spec);
            case 'x' -> integer(exactInteger(conv, value), 16, spec.alt ? "0x" : "", spec);
            case 'X' -> integer(exactInteger(conv, value), 16, spec.alt ? "0X" : "", spec).toUpperCase();
            case 'e', 'E', 'f', 'F', 'g', 'G' -> floating(conv, real(value), spec);
            default -> throw RenderSession.failure("unsupported format character '" + conv + "' (0x"
                    + Integer.toHexString(conv) + ")");
        };
    }

    /** Pads to the width: left-justified with '-', zeros after the sign and prefix with '0' (numbers only). */
    private static String pad(String signAndPrefix, String body, Spec spec, boolean numeric) {
        int length = signAndPrefix.length() + body.length();
        if (spec.width <= length) return signAndPrefix + body;
        String fill = " ".repeat(spec.width - length);
        if (spec.left) return signAndPrefix + body + fill;
        if (spec.zero && numeric) return signAndPrefix + "0".repeat(spec.width - length) + body;
        return fill + signAndPrefix + body;
    }

    private static String sign(boolean negative, Spec spec) {
        return negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    }

    private static String integer(BigInteger n, int radix, String prefix, Spec spec) {
        String digits = n.abs().toString(radix);
        if (spec.precision > digits.length()) digits = "0".repeat(spec.precision - digits.length()) + digits;
        return pad(sign(n.signum() < 0, spec) + prefix, digits, spec, true);
    }

    /** %d takes any real number (a float is truncated toward zero, as int() does). */
    private static BigInteger realToInteger(char conv, Object v) {
        if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        if (v instanceof BigInteger b) return b;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) return BigInteger.valueOf(((Number) v).longValue());
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) throw RenderSession.failure("cannot convert float NaN to integer");
            if (Double.isInfinite(d)) throw RenderSession.failure("cannot convert float infinity to integer");
            return new BigDecimal(d).toBigInteger();
        }
        throw RenderSession.failure("%" + conv + " format: a real number is required, not " + PythonRepr.typeName(v));
    }

    /** %o and %x take integers only. */
    private static BigInteger exactInteger(char conv, Object v) {
        if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        if (v instanceof BigInteger b) return b;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) return BigInteger.valueOf(((Number) v).longValue());
        throw RenderSession.failure("%" + conv + " format: an integer is required, not " + PythonRepr.typeName(v));
    }

    private static double real(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return n.doubleValue();
        throw RenderSession.failure("must be real number, not " + PythonRepr.typeName(v));
    }

    private static String character(Object v) {
        if (v instanceof String s && s.codePointCount(0, s.length()) == 1) return s;
        if (v instanceof Integer || v instanceof Long) {
            long cp = ((Number) v).longValue();
            if (cp < 0 || cp > 0x10FFFF) throw RenderSession.failure("%c arg not in range(0x110000)");
            return new String(Character.toChars((int) cp));
        }
        throw RenderSession.failure("%c requires int or char");
    }

    private static String floating(char conv, double d, Spec spec) {
        boolean upper = Character.isUpperCase(conv);
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        String body;
        if (Double.isNaN(d)) {
            body = "nan";
            negative = false;
        } else if (Double.isInfinite(d)) {
            body = "inf";
        } else {
            int precision = spec.precision < 0 ? 6 : spec.precision;
            BigDecimal exact = new BigDecimal(Math.abs(d));
            body = switch (Character.toLowerCase(conv)) {
                case 'f' -> fixed(exact, precision, spec.alt);
                case 'e' -> scientific(exact, precision, spec.alt);
                default -> general(exact, precision == 0 ? 1 : precision, spec.alt);
            };
        }
        if (upper) body = body.toUpperCase();
        boolean finite = !Double.isNaN(d) && !Double.isInfinite(d);
        return pad(sign(negative, spec), body, spec, finite);
    }

    private static String fixed(BigDecimal exact, int precision, boolean alt) {
        String s = exact.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return alt && precision == 0 ? s + "." : s;
    }

    private static String scientific(BigDecimal exact, int precision, boolean alt) {
        if (exact.signum() == 0) {
            return (precision == 0 ? "0" + (alt ? "." : "") : "0." + "0".repeat(precision)) + "e+00";
        }
        BigDecimal rounded = exact.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String digits = rounded.unscaledValue().toString();
        digits = (digits + "0".repeat(Math.max(0, precision + 1 - digits.length()))).substring(0, precision + 1);
        String mantissa = digits.substring(0, 1) + (precision > 0 || alt ? "." : "") + digits.substring(1);
        return mantissa + exponent(exponent);
    }

    private static String exponent(int e) {
        String n = Integer.toString(Math.abs(e));
        return "e" + (e < 0 ? "-" : "+") + (n.length() < 2 ? "0" + n : n);
    }

    /** %g: scientific when the exponent is below -4 or at least the precision, trailing zeros dropped unless '#'. */
    private static String general(BigDecimal exact, int precision, boolean alt) {
        int exponent;
        if (exact.signum() == 0) {
            exponent = 0;
        } else {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String s = exponent >= -4 && exponent < precision
                ? fixed(exact, precision - 1 - exponent, alt)
                : scientific(exact, precision - 1, alt);
        if (alt) return s.contains(".") ? s : s + ".";
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String rest = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + rest;
    }

    /** ascii(): repr with non-ASCII characters escaped. */
    private static String ascii(String repr) {
        StringBuilder sb = new StringBuilder();
        repr.codePoints().forEach(cp -> {
            if (cp < 128) sb.append((char) cp);
            else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        });
        return sb.toString();
    }
}
