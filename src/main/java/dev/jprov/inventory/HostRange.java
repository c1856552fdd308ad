package dev.jprov.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands inventory host ranges as Ansible's expand_hostname_range does: {@code web[01:20]} (zero padded when the
 * bounds are), {@code db[a:f]}, {@code node[1:10:2]} (with a step), several ranges in one name
 * ({@code r[1:2]-n[a:b]}), in the same order. Where Ansible silently yields no host (a numeric range whose begin is
 * after its end, a zero or negative step) this is an error, since an inventory line that names no host is a typo.
 */
final class HostRange {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private HostRange() {}

    static boolean hasRange(String name) {
        return name.indexOf('[') >= 0;
    }

    /** The host names; throws IllegalArgumentException with Ansible's wording when the range is malformed. */
    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        expandInto(pattern, pattern, out);
        return out;
    }

    private static void expandInto(String whole, String line, List<String> out) {
        int open = line.indexOf('[');
        int close = line.indexOf(']', open + 1);
        int firstClose = line.indexOf(']');
        if (open < 0 || close < 0 || firstClose < open) {
            throw new IllegalArgumentException("host range in '" + whole + "' has unbalanced brackets");
        }
        String head = line.substring(0, open);
        String range = line.substring(open + 1, close);
        String tail = line.substring(close + 1);
        if (tail.indexOf(']') >= 0 && tail.indexOf('[') < 0) {
            throw new IllegalArgumentException("host range in '" + whole + "' has unbalanced brackets");
        }
        String[] bounds = range.split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + whole
                    + "' must be begin:end or begin:end:step");
        }
        String beg = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' must specify an end value");
        }
        int step;
        try {
            step = bounds.length == 3 ? Integer.parseInt(bounds[2].strip()) : 1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' has a step '"
                    + bounds[2] + "' that is not a number");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' needs a step of 1 or more");
        }
        int width = 0;
        if (beg.charAt(0) == '0' && beg.length() > 1) {
            if (beg.length() != end.length()) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + whole
                        + "' must specify equal-length begin and end formats");
            }
            width = beg.length();
        }
        List<String> seq = new ArrayList<>();
        int ib = LETTERS.indexOf(beg);
        int ie = LETTERS.indexOf(end);
        if (ib >= 0 && ie >= 0) {
            if (ib > ie) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' must have begin <= end");
            }
            for (int i = ib; i <= ie; i += step) seq.add(String.valueOf(LETTERS.charAt(i)));
        } else {
            long b;
            long e;
            try {
                b = Long.parseLong(beg.strip());
                e = Long.parseLong(end.strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + whole
                        + "' must have numbers or single letters as bounds");
            }
            if (b > e) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' must have begin <= end");
            }
            if ((e - b) / step > 100_000) {
                throw new IllegalArgumentException("host range [" + range + "] in '" + whole + "' names more than 100000 hosts");
            }
            for (long i = b; i <= e; i += step) {
                String s = Long.toString(i);
                if (s.length() < width) s = "0".repeat(width - s.length()) + s;
                seq.add(s);
            }
        }
        for (String s : seq) {
            String name = head + s + tail;
            if (hasRange(name)) {
                expandInto(whole, name, out);
            } else {
                out.add(name);
            }
        }
    }
}
