package dev.jprov.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as Python's shlex.split does (POSIX mode, which Ansible uses for
 * ansible_ssh_common_args): whitespace separates words, '...' is literal, "..." keeps spaces and lets a backslash
 * escape only '"' and '\', a backslash outside quotes escapes the next character.
 */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (c == '\'') {
                int end = text.indexOf('\'', i);
                if (end < 0) throw new IllegalArgumentException("no closing quotation in: " + text);
                word.append(text, i, end);
                i = end + 1;
                inWord = true;
            } else if (c == '"') {
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i++);
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    if (d == '\\' && i < n && (text.charAt(i) == '"' || text.charAt(i) == '\\')) {
                        word.append(text.charAt(i++));
                    } else {
                        word.append(d);
                    }
                }
                if (!closed) throw new IllegalArgumentException("no closing quotation in: " + text);
                inWord = true;
            } else if (c == '\\') {
                if (i >= n) throw new IllegalArgumentException("no escaped character at the end of: " + text);
                word.append(text.charAt(i++));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }
}
