package dev.jprov.inventory;

import dev.jprov.pyformat.Fnmatch;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Shell-style wildcards as Python's fnmatch.translate reads them (Ansible matches host patterns with it):
 * {@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!abc]}; an unclosed {@code [} is literal; matching
 * is case-sensitive and covers the whole name.
 */
final class Glob {
    private Glob() {}

    static Pattern compile(String glob) {
        try {
            return Pattern.compile(Fnmatch.translate(glob), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid host pattern '" + glob + "': " + e.getDescription(), e);
        }
    }
}
