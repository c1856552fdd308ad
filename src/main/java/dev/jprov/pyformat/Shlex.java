package dev.jprov.pyformat;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split(s)} (POSIX mode, no comments): how Ansible splits a command module's free-form
 * text, the string arguments of its run_command (the service module's {@code arguments}) and
 * ansible_ssh_common_args. Words are separated by Python's whitespace (space, tab, CR, LF and nothing else);
 * {@code '...'} is literal; in {@code "..."} a backslash escapes only {@code "} and {@code \} and stays
 * otherwise; outside quotes a backslash takes the next character as it is. Quotes join the text they touch
 * ({@code a'b'"c"} is {@code abc}), and an empty quoted word ({@code ''}) is a word. Nothing is expanded:
 * {@code $HOME}, {@code *} and {@code ;} are ordinary characters. With {@code comments} (Python's
 * {@code shlex.split(s, comments=True)}, how Ansible's ini inventory splits a host line) an unquoted, unescaped
 * {@code #} ends the text, even inside a word.
 */
public final class Shlex {
    private Shlex() {}

    /** Python's ValueError from shlex.split: its message, then the text that could not be split. */
    public static final class SplitException extends IllegalArgumentException {
        private final String reason;

        SplitException(String pythonMessage, String text) {
            super(pythonMessage + " in: " + text);
            this.reason = pythonMessage;
        }

        /** Python's own message alone ("No closing quotation"), for callers that quote the text themselves. */
        public String reason() {
            return reason;
        }
    }

    public static List<String> split(String text) {
        return split(text, false);
    }

    public static List<String> split(String text, boolean comments) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // true from a word's first character or quote on, so '' makes a word
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {
                    if (inWord) words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                case '\'' -> {
                    int end = text.indexOf('\'', i);
                    if (end < 0) throw new SplitException("No closing quotation", text);
                    word.append(text, i, end);
                    i = end + 1;
                    inWord = true;
                }
                case '"' -> {
                    i = doubleQuoted(text, i, word);
                    inWord = true;
                }
                case '#' -> {
                    if (!comments) {
                        word.append(c);
                        inWord = true;
                        continue;
                    }
                    // shlex reads the rest of the line as the comment and ends the word there.
                    if (inWord) words.add(word.toString());
                    return words;
                }
                case '\\' -> {
                    if (i >= n) throw new SplitException("No escaped character", text);
                    word.append(text.charAt(i++));
                    inWord = true;
                }
                default -> {
                    word.append(c);
                    inWord = true;
                }
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Appends the text of the double-quoted string starting at {@code i}; returns the index after its '"'. */
    private static int doubleQuoted(String text, int i, StringBuilder word) {
        int n = text.length();
        while (i < n) {
            char d = text.charAt(i++);
            if (d == '"') return i;
            if (d != '\\') {
                word.append(d);
                continue;
            }
            if (i >= n) throw new SplitException("No escaped character", text);
            char escaped = text.charAt(i++);
            if (escaped != '"' && escaped != '\\') word.append('\\');
            word.append(escaped);
        }
        throw new SplitException("No closing quotation", text);
    }
}
