package dev.jprov.modules.commands;

import dev.jprov.modules.ArgsException;
import java.util.ArrayList;
import java.util.List;

/** Python's shlex.split (POSIX mode), which Ansible's command module uses on its free-form text. */
final class ShlexSplit {
    private ShlexSplit() {}

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new ArgsException("No closing quotation in: " + s);
                word.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                        word.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (!closed) throw new ArgsException("No closing quotation in: " + s);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) throw new ArgsException("No escaped character in: " + s);
                word.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) out.add(word.toString());
        return out;
    }
}
