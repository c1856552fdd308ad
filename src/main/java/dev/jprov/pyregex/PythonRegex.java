package dev.jprov.pyregex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled Python re pattern run on java.util.regex: what Ansible's regex filters and tests compile (str
 * patterns over text) and what lineinfile and blockinfile compile (bytes patterns over file contents, both held
 * one char per byte, ISO-8859-1). {@link PatternTranslator} reads the Python syntax; this runs it with re's
 * search, match, fullmatch, finditer and sub, empty matches included.
 */
public final class PythonRegex {

    /** re's flags that callers pass (inline flags in the pattern are read too). */
    public enum Flag {
        IGNORECASE(PatternTranslator.IGNORECASE),
        MULTILINE(PatternTranslator.MULTILINE),
        DOTALL(PatternTranslator.DOTALL),
        VERBOSE(PatternTranslator.VERBOSE),
        ASCII(PatternTranslator.ASCII);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }
    }

    private final String source;
    private final Pattern pattern;
    /** The pattern with its end required past its start, for re's next search after an empty match. */
    private final Pattern advancing;
    private final int flags;
    private final int groups;
    private final Map<String, Integer> groupIndex;

    private PythonRegex(String source, PatternTranslator.Translation t) {
        this.source = source;
        try {
            this.pattern = Pattern.compile(t.java(), t.javaFlags());
            this.advancing = Pattern.compile("(?:" + t.java() + ")(?!\\G)", t.javaFlags());
        } catch (PatternSyntaxException e) {
            throw new PythonRegexException("jprov cannot run this pattern on java.util.regex: " + e.getDescription());
        }
        this.flags = t.flags();
        this.groups = t.groups();
        this.groupIndex = t.groupIndex();
    }

    /** re.compile(pattern, flags) of a str pattern. */
    public static PythonRegex str(String pattern, Flag... flags) {
        return new PythonRegex(pattern, PatternTranslator.translate(pattern, false, bits(flags)));
    }

    /** re.compile(pattern, flags) of a bytes pattern given one char per byte. */
    public static PythonRegex bytes(String latin1Pattern, Flag... flags) {
        return new PythonRegex(latin1Pattern, PatternTranslator.translate(latin1Pattern, true, bits(flags)));
    }

    private static int bits(Flag... flags) {
        int b = 0;
        for (Flag f : flags) b |= f.bit;
        return b;
    }

    public String pattern() {
        return source;
    }

    /** Whether the flag is set, by the caller or inline as in {@code (?m)}: Pattern.flags &amp; re.M. */
    public boolean has(Flag flag) {
        return (flags & flag.bit) != 0;
    }

    public int groups() {
        return groups;
    }

    public Map<String, Integer> groupIndex() {
        return groupIndex;
    }

    /** re.search: the first match anywhere. */
    public Optional<PythonMatch> search(CharSequence text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(new PythonMatch(m.toMatchResult(), this)) : Optional.empty();
    }

    /** re.match: a match at the start. */
    public Optional<PythonMatch> match(CharSequence text) {
        Matcher m = pattern.matcher(text);
        return m.lookingAt() ? Optional.of(new PythonMatch(m.toMatchResult(), this)) : Optional.empty();
    }

    /** re.fullmatch: a match of the whole text. */
    public Optional<PythonMatch> fullmatch(CharSequence text) {
        Matcher m = pattern.matcher(text);
        return m.matches() ? Optional.of(new PythonMatch(m.toMatchResult(), this)) : Optional.empty();
    }

    /**
     * re.finditer: the matches from left to right, an empty one too, as sre finds them: after an empty match the
     * next must end further on, where Java would move one char ahead (and into a surrogate pair).
     */
    public List<PythonMatch> finditer(CharSequence text) {
        List<PythonMatch> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        Matcher adv = advancing.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int pos = 0;
        boolean mustAdvance = false;
        while (pos <= n) {
            MatchResult r = null;
            if (mustAdvance) {
                adv.region(pos, n);
                if (adv.lookingAt()) {
                    r = adv.toMatchResult();
                } else if (pos == n) {
                    break;
                } else {
                    pos = Character.offsetByCodePoints(text, pos, 1);
                }
            }
            if (r == null) {
                if (!m.find(pos)) break;
                r = m.toMatchResult();
            }
            out.add(new PythonMatch(r, this));
            mustAdvance = r.start() == r.end();
            pos = r.end();
        }
        return out;
    }

    /** re.sub(repl, text): every match replaced by the template expanded with its groups. */
    public String sub(String repl, CharSequence text) {
        ReplacementTemplate t = template(repl);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (PythonMatch m : finditer(text)) {
            sb.append(text, last, m.start()).append(t.expand(m));
            last = m.end();
        }
        return sb.append(text, last, text.length()).toString();
    }

    ReplacementTemplate template(String template) {
        return ReplacementTemplate.parse(template, groups, groupIndex);
    }

    /** re.escape (Python 3.7+): only metacharacters and whitespace get a backslash. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "re.compile(" + PythonTokens.repr(source) + ")";
    }
}
