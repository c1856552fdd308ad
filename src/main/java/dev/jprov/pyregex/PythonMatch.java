package dev.jprov.pyregex;

import java.util.regex.MatchResult;

/** A match of a {@link PythonRegex}, read as Python's Match: groups by number or name, None where unmatched. */
public record PythonMatch(MatchResult result, PythonRegex regex) {

    public String group() {
        return result.group();
    }

    /** The group's text, or null where it did not take part; "no such group" past the last. */
    public String group(int g) {
        if (g < 0 || g > result.groupCount()) throw new PythonRegexException("no such group");
        return result.group(g);
    }

    public String group(String name) {
        Integer g = regex.groupIndex().get(name);
        if (g == null) throw new PythonRegexException("no such group");
        return result.group(g);
    }

    public int start() {
        return result.start();
    }

    public int end() {
        return result.end();
    }

    /** Match.expand: the template with this match's groups. */
    public String expand(String template) {
        return regex.template(template).expand(this);
    }
}
