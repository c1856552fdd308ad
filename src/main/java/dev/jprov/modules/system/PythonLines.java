package dev.jprov.modules.system;

import java.util.ArrayList;
import java.util.List;

/** Python's str.splitlines() for the line breaks a crontab can hold: \n, \r\n and \r end a line. */
final class PythonLines {
    private PythonLines() {}

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
            i++;
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }
}
