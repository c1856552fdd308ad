package dev.jprov.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's key=value argument strings ({@code file: path=/x state=touch}), ported from
 * ansible.parsing.splitter (split_args, parse_kv, join_args) and quoting.unquote so that quoting, Jinja blocks
 * and free-form text split exactly as Ansible splits them.
 */
public final class KeyValueArgs {

    /** Keys command/shell/raw/script take from their free-form text; other k=v words stay in the command. */
    private static final Set<String> FREE_FORM_KEYS = Set.of("creates", "removes", "chdir", "executable", "warn",
            "stdin", "stdin_add_newline", "strip_empty_ends");

    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\U[0-9a-fA-F]{8}|\\\\u[0-9a-fA-F]{4}|\\\\x[0-9a-fA-F]{2}|\\\\N\\{[^}]+}|\\\\[\\\\'\"abfnrtv]");

    private KeyValueArgs() {
    }

    /** Thrown for unbalanced quotes or Jinja blocks; the caller adds the location. */
    public static final class SplitException extends RuntimeException {
        SplitException(String message) {
            super(message);
        }
    }

    /**
     * parse_kv: k=v words become options (values unquoted, escapes decoded); other words are joined into
     * {@code _raw_params}. With {@code freeForm} (command, shell, raw, script) only the command keys are taken.
     */
    public static Map<String, Object> parse(String args, boolean freeForm) {
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String orig : split(args)) {
            String x = decodeEscapes(orig);
            if (!x.contains("=")) {
                raw.add(orig);
                continue;
            }
            int pos = 0;
            boolean found = false;
            while (true) {
                pos = x.indexOf('=', pos + 1);
                if (pos < 0) break;
                if (x.charAt(pos - 1) != '\\') {
                    found = true;
                    break;
                }
            }
            if (!found) {
                // Only escaped '=' (or one at position 0): a raw word.
                raw.add(x.replace("\\=", "="));
                continue;
            }
            String k = x.substring(0, pos);
            String v = x.substring(pos + 1);
            if (freeForm && !FREE_FORM_KEYS.contains(k)) {
                raw.add(orig);
            } else {
                options.put(k.strip(), unquote(v.strip()));
            }
        }
        if (!raw.isEmpty()) options.put("_raw_params", join(raw));
        return options;
    }

    /** join_args: rejoin words with spaces, keeping the newlines split kept. */
    static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String p : words) {
            if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') out.append(p);
            else out.append(' ').append(p);
        }
        return out.toString();
    }

    /** split_args: whitespace split that keeps quoted text and Jinja blocks together. */
    public static List<String> split(String args) {
        List<String> params = new ArrayList<>();
        String[] items = args.split("\n", -1);
        Character quote = null;
        boolean insideQuotes = false;
        int printDepth = 0;
        int blockDepth = 0;
        int commentDepth = 0;
        for (int itemIdx = 0; itemIdx < items.length; itemIdx++) {
            String[] tokens = items[itemIdx].split(" ", -1);
            boolean lineContinuation = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
                    appendToLast(params, " ");
                    continue;
                }
                if (token.equals("\\") && !insideQuotes) {
                    lineContinuation = true;
                    continue;
                }
                boolean wasInsideQuotes = insideQuotes;
                quote = quoteState(token, quote);
                insideQuotes = quote != null;
                boolean appended = false;
                boolean inJinja = printDepth > 0 || blockDepth > 0 || commentDepth > 0;
                if (insideQuotes && !wasInsideQuotes && !inJinja) {
                    params.add(token);
                    appended = true;
                } else if (inJinja || insideQuotes || wasInsideQuotes) {
                    if (idx == 0 && wasInsideQuotes) {
                        setLast(params, last(params) + token);
                    } else if (tokens.length > 1) {
                        setLast(params, last(params) + (idx > 0 ? " " : "") + token);
                    } else {
                        setLast(params, last(params) + "\n" + token);
                    }
                    appended = true;
                }
                int prev = printDepth;
                printDepth = depth(token, printDepth, "{{", "}}");
                if (printDepth != prev && !appended) {
                    params.add(token);
                    appended = true;
                }
                prev = blockDepth;
                blockDepth = depth(token, blockDepth, "{%", "%}");
                if (blockDepth != prev && !appended) {
                    params.add(token);
                    appended = true;
                }
                prev = commentDepth;
                commentDepth = depth(token, commentDepth, "{#", "#}");
                if (commentDepth != prev && !appended) {
                    params.add(token);
                    appended = true;
                }
                if (printDepth == 0 && blockDepth == 0 && commentDepth == 0 && !insideQuotes && !appended
                        && !token.isEmpty()) {
                    params.add(token);
                }
            }
            if (items.length > 1 && itemIdx != items.length - 1 && !lineContinuation) {
                appendToLast(params, "\n");
            }
        }
        if (printDepth > 0 || blockDepth > 0 || commentDepth > 0 || insideQuotes) {
            throw new SplitException("failed at splitting arguments, either an unbalanced jinja2 block or quotes: "
                    + args);
        }
        return params;
    }

    /** quoting.unquote: strip one pair of matching outer quotes. */
    static String unquote(String s) {
        if (s.length() > 1 && s.charAt(0) == s.charAt(s.length() - 1)
                && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 2) != '\\') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Python's unicode-escape decoding of the escapes splitter._decode_escapes matches. */
    static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) return s;
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group();
            String rep = switch (e.charAt(1)) {
                case 'U', 'u', 'x' -> Character.toString(Integer.parseInt(e.substring(2), 16));
                case 'N' -> named(e);
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                default -> String.valueOf(e.charAt(1)); // \\ \' \"
            };
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String named(String escape) {
        String name = escape.substring(3, escape.length() - 1);
        try {
            return Character.toString(Character.codePointOf(name));
        } catch (IllegalArgumentException e) {
            return escape;
        }
    }

    private static Character quoteState(String token, Character quote) {
        Character prev = null;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (i > 0) prev = token.charAt(i - 1);
            if ((c == '"' || c == '\'') && (prev == null || prev != '\\')) {
                if (quote != null) {
                    if (c == quote) quote = null;
                } else {
                    quote = c;
                }
            }
        }
        return quote;
    }

    private static int depth(String token, int current, String open, String close) {
        int opens = count(token, open);
        int closes = count(token, close);
        if (opens != closes) {
            current += opens - closes;
            if (current < 0) current = 0;
        }
        return current;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
        return n;
    }

    private static String last(List<String> params) {
        if (params.isEmpty()) throw new SplitException("Unable to parse argument string");
        return params.get(params.size() - 1);
    }

    private static void setLast(List<String> params, String value) {
        last(params);
        params.set(params.size() - 1, value);
    }

    private static void appendToLast(List<String> params, String suffix) {
        setLast(params, last(params) + suffix);
    }
}
