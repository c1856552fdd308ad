package dev.jprov.pyregex;

/** Python's re.error (or the IndexError of an unknown group), with its message: "msg at position N". */
public class PythonRegexException extends RuntimeException {
    public PythonRegexException(String message) {
        super(message);
    }

    /** re.error's text: the position, and line and column where the pattern has several lines. */
    static PythonRegexException at(String msg, String pattern, int pos) {
        String text = msg + " at position " + pos;
        if (pattern.indexOf('\n') >= 0) {
            int[] cps = pattern.codePoints().limit(pos).toArray();
            int line = 1;
            int lastNewline = -1;
            for (int i = 0; i < cps.length; i++) {
                if (cps[i] == '\n') {
                    line++;
                    lastNewline = i;
                }
            }
            text += " (line " + line + ", column " + (pos - lastNewline) + ")";
        }
        return new PythonRegexException(text);
    }
}
