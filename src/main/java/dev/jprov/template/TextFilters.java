package dev.jprov.template;

import dev.jprov.plan.ShellQuote;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filters on text: case, whitespace, formatting, encodings, paths and shell quoting ({@link RegexFilters}: regexes). */
final class TextFilters {
    private TextFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                f("lower", (v, a) -> str(v).toLowerCase(Locale.ROOT)),
                f("upper", (v, a) -> str(v).toUpperCase(Locale.ROOT)),
                f("capitalize", (v, a) -> {
                    String s = str(v);
                    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
                }),
                f("title", (v, a) -> title(str(v))),
                f("trim", (v, a) -> PythonMethods.strip(str(v), a.string(0, "chars", null), true, true)),
                f("replace", (v, a) -> PythonMethods.replace(str(v), a.string(0, "old", ""), a.string(1, "new", ""),
                        a.get(2, "count", null) == null ? -1 : a.integer(2, "count", -1))),
                f("split", (v, a) -> PythonMethods.split(str(v), a.string(0, "sep", null), a.integer(1, "maxsplit", -1))),
                f("indent", TextFilters::indent),
                f("center", (v, a) -> PythonMethods.call(str(v), "center", List.of(a.get(0, "width", 80L)))),
                f("format", (v, a) -> PercentFormat.format(str(v), a.positional(), a.named())),
                f("string", (v, a) -> str(v)),
                f("b64encode", (v, a) -> Base64.getEncoder().encodeToString(
                        str(v).getBytes(Charset.forName(a.string(0, "encoding", "utf-8"))))),
                f("b64decode", (v, a) -> new String(Base64.getMimeDecoder().decode(str(v)),
                        Charset.forName(a.string(0, "encoding", "utf-8")))),
                f("basename", (v, a) -> {
                    String p = str(v);
                    return p.substring(p.lastIndexOf('/') + 1);
                }),
                f("dirname", (v, a) -> dirname(str(v))),
                f("splitext", (v, a) -> splitext(str(v))),
                f("path_join", (v, a) -> pathJoin(v)),
                f("quote", (v, a) -> ShellQuote.quote(v == null ? "" : str(v))),
                f("hash", (v, a) -> digest(str(v), a.string(0, "hashtype", "sha1"))),
                f("checksum", (v, a) -> digest(str(v), "sha1")),
                f("sha1", (v, a) -> digest(str(v), "sha1")),
                f("md5", (v, a) -> digest(str(v), "md5")));
    }

    private static AnsibleFilter f(String name, AnsibleFilter.Function fn) {
        return new AnsibleFilter(name, false, fn);
    }

    static String str(Object v) {
        return PythonRepr.str(v);
    }

    /** Jinja's title: each word's first letter upper, the rest lower; words start after -, space, brackets. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("([-\\s({\\[<]+)").matcher(s);
        int from = 0;
        while (m.find()) {
            sb.append(titleWord(s.substring(from, m.start()))).append(m.group());
            from = m.end();
        }
        return sb.append(titleWord(s.substring(from))).toString();
    }

    private static String titleWord(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Jinja's indent (width, first, blank), including its quirk of a trailing newline staying unindented. */
    private static Object indent(Object v, FilterArgs a) {
        Object w = a.get(0, "width", 4L);
        String indention = w instanceof String s ? s : " ".repeat(PythonMethods.toInt(w));
        boolean first = a.bool(1, "first", false);
        boolean blank = a.bool(2, "blank", false);
        String s = str(v) + "\n";
        List<String> lines = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
        lines.remove(lines.size() - 1); // splitlines drops the part after the final newline
        StringBuilder rv = new StringBuilder();
        if (blank) {
            rv.append(String.join("\n" + indention, lines));
        } else {
            rv.append(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                rv.append('\n');
                if (!line.isEmpty()) rv.append(indention);
                rv.append(line);
            }
        }
        return first ? indention + rv : rv.toString();
    }

    /** posixpath.dirname. */
    static String dirname(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
        return head;
    }

    /** posixpath.splitext, as a two-item list (Python's tuple). */
    private static PythonTuple splitext(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            int filenameIndex = sep + 1;
            while (filenameIndex < dot) {
                if (p.charAt(filenameIndex) != '.') return new PythonTuple(p.substring(0, dot), p.substring(dot));
                filenameIndex++;
            }
        }
        return new PythonTuple(p, "");
    }

    /** os.path.join of a list: an absolute part restarts the path. */
    private static String pathJoin(Object v) {
        if (v instanceof String s) return s;
        String out = "";
        for (Object o : PythonMethods.iterable(v)) {
            String part = str(o);
            if (part.startsWith("/") || out.isEmpty()) out = part;
            else out = out.endsWith("/") ? out + part : out + "/" + part;
        }
        return out;
    }

    private static String digest(String s, String algorithm) {
        String java = switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw RenderSession.failure("unsupported hash type " + algorithm);
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(java)
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw RenderSession.failure("unsupported hash type " + algorithm);
        }
    }
}
