package dev.jprov.template;

import dev.jprov.pyregex.PythonMatch;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's regex filters and the match/search/regex tests, with their argument order, on Python's re
 * ({@link PythonRegex}: str patterns over the value's text). Where Ansible's filter raises (a bad pattern or
 * group), the template fails with re's message.
 */
final class RegexFilters {
    private static final Pattern GROUP_ARGUMENT = Pattern.compile("\\\\g<(\\S+)>|\\\\(\\d+)");

    private RegexFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                f("regex_replace", RegexFilters::replace),
                f("regex_search", RegexFilters::search),
                f("regex_findall", RegexFilters::findall),
                f("regex_escape", (v, a) -> PythonRegex.escape(PythonRepr.str(v))));
    }

    private static AnsibleFilter f(String name, AnsibleFilter.Function fn) {
        return new AnsibleFilter(name, false, fn);
    }

    /** re.compile(pattern, flags) as the filters build it from ignorecase and multiline. */
    private static PythonRegex compile(String pattern, boolean ignoreCase, boolean multiline) {
        List<PythonRegex.Flag> flags = new ArrayList<>();
        if (ignoreCase) flags.add(PythonRegex.Flag.IGNORECASE);
        if (multiline) flags.add(PythonRegex.Flag.MULTILINE);
        try {
            return PythonRegex.str(pattern, flags.toArray(PythonRegex.Flag[]::new));
        } catch (PythonRegexException e) {
            throw RenderSession.failure("invalid regular expression " + PythonRepr.repr(pattern) + ": " + e.getMessage());
        }
    }

    /** regex_replace(value, pattern, replacement, ignorecase, multiline): re.sub. */
    private static Object replace(Object v, FilterArgs a) {
        PythonRegex re = compile(a.string(0, "pattern", ""), a.bool(2, "ignorecase", false), a.bool(3, "multiline", false));
        try {
            return re.sub(a.string(1, "replacement", ""), PythonRepr.str(v));
        } catch (PythonRegexException e) {
            throw RenderSession.failure("regex_replace: " + e.getMessage());
        }
    }

    /** regex_search(value, regex, *groups, ignorecase=, multiline=): the match, the listed groups, or None. */
    private static Object search(Object v, FilterArgs a) {
        PythonRegex re = compile(a.string(0, "regex", ""), a.bool(-1, "ignorecase", false), a.bool(-1, "multiline", false));
        List<Object> groups = new ArrayList<>();
        for (Object g : a.rest(1)) {
            Matcher gm = GROUP_ARGUMENT.matcher(PythonRepr.str(g));
            if (!gm.lookingAt()) throw RenderSession.failure("Unknown argument");
            // '\g<1>' names a group called "1", which re has none of: Ansible fails as it does.
            groups.add(gm.group(1) != null ? gm.group(1) : Integer.valueOf(gm.group(2)));
        }
        Optional<PythonMatch> found = re.search(PythonRepr.str(v));
        if (found.isEmpty()) return null;
        PythonMatch m = found.get();
        if (groups.isEmpty()) return m.group();
        List<Object> out = new ArrayList<>();
        try {
            for (Object g : groups) out.add(g instanceof Integer i ? m.group(i) : m.group((String) g));
        } catch (PythonRegexException e) {
            throw RenderSession.failure("regex_search: " + e.getMessage());
        }
        return out;
    }

    /** regex_findall(value, regex, multiline, ignorecase): re.findall's strings, or tuples with several groups. */
    private static Object findall(Object v, FilterArgs a) {
        PythonRegex re = compile(a.string(0, "regex", ""), a.bool(2, "ignorecase", false), a.bool(1, "multiline", false));
        List<Object> out = new ArrayList<>();
        for (PythonMatch m : re.finditer(PythonRepr.str(v))) {
            if (re.groups() == 0) {
                out.add(m.group());
            } else if (re.groups() == 1) {
                out.add(orEmpty(m.group(1)));
            } else {
                Object[] gs = new Object[re.groups()];
                for (int i = 1; i <= re.groups(); i++) gs[i - 1] = orEmpty(m.group(i));
                out.add(new PythonTuple(gs));
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The match/search/regex tests: re's match, search or fullmatch of the value's text. */
    static boolean test(Object v, FilterArgs a, String type) {
        PythonRegex re = compile(a.string(0, "pattern", ""), a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
        String text = PythonRepr.str(v);
        return switch (type) {
            case "match" -> re.match(text).isPresent();
            case "fullmatch" -> re.fullmatch(text).isPresent();
            default -> re.search(text).isPresent();
        };
    }
}
