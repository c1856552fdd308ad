package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;

/**
 * A regexp, insertafter or insertbefore of lineinfile and blockinfile: re.compile(to_bytes(value)), a bytes
 * pattern over the file's bytes (both held one char per byte, see {@link TextFileTarget#latin1}).
 */
final class BytesPattern {
    private BytesPattern() {}

    /** @param latin1 the option's value in one-char-per-byte form; a bad pattern is an argument error */
    static PythonRegex compile(String latin1, String option) {
        try {
            return PythonRegex.bytes(latin1);
        } catch (PythonRegexException e) {
            throw new ArgsException("invalid regular expression in " + option + ": " + latin1 + " (" + e.getMessage() + ")");
        }
    }
}
