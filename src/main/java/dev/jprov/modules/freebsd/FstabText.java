package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;

/**
 * An fstab(5) as ansible.posix.mount edits it on FreeBSD (_set_mount_save_old, unset_mount): only lines of exactly
 * six fields are entries (others, comments and blank lines stay as they are); an entry is found by its mount point;
 * a changed or new entry is written {@code src path fstype opts dump passno} with single spaces, fields escaped as
 * _escape_fstab does (\134 for '\', \040 for ' ', \046 for '&').
 */
record FstabText(List<String> lines) {

    /** The wanted entry, unescaped. */
    record Entry(String src, String path, String fstype, String opts, String dump, String passno) {
        Entry escaped() {
            return new Entry(escape(src), escape(path), escape(fstype), escape(opts), escape(dump), escape(passno));
        }

        String line() {
            return src + " " + path + " " + fstype + " " + opts + " " + dump + " " + passno + "\n";
        }
    }

    static String escape(String v) {
        return v.replace("\\", "\\134").replace(" ", "\\040").replace("&", "\\046");
    }

    /** Lines as Python's readlines() gives them, each ending in a newline (one is added to a last line without). */
    static FstabText parse(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            lines.add(nl < 0 ? text.substring(start) + "\n" : text.substring(start, nl + 1));
            start = nl < 0 ? text.length() : nl + 1;
        }
        return new FstabText(lines);
    }

    private static String[] fields(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) return null;
        String[] f = line.strip().split("\\s+");
        return f.length == 6 ? f : null;
    }

    /** Swap entries all have the mount point "none": Ansible tells them apart by their device. */
    private static boolean otherSwap(String[] f, String src) {
        return src != null && f[1].equals("none") && f[2].equals("swap") && !f[0].equals(src);
    }

    /** The result of an edit: the new text, and whether Ansible counts it changed. */
    record Edit(String text, boolean changed) {}

    /** set_mount: the entry present with these fields. */
    Edit set(Entry wanted) {
        Entry e = wanted.escaped();
        StringBuilder out = new StringBuilder();
        boolean exists = false;
        boolean changed = false;
        for (String line : lines) {
            String[] f = fields(line);
            if (f == null || !f[1].equals(e.path()) || otherSwap(f, wanted.src())) {
                out.append(line);
                continue;
            }
            exists = true;
            String[] want = {e.src(), f[1], e.fstype(), e.opts(), e.dump(), e.passno()};
            for (int i : new int[] {0, 2, 3, 4, 5}) {
                if (!f[i].equals(want[i])) {
                    f[i] = want[i];
                    changed = true;
                }
            }
            // Ansible's flag is the task's, not the line's: once one entry changed, later matches are rewritten too.
            out.append(changed ? new Entry(f[0], f[1], f[2], f[3], f[4], f[5]).line() : line);
        }
        if (!exists) {
            out.append(e.line());
            changed = true;
        }
        return new Edit(out.toString(), changed);
    }

    /** unset_mount: every entry of this mount point removed ({@code src} null when not given). */
    Edit unset(String path, String src) {
        String p = escape(path);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String line : lines) {
            String[] f = fields(line);
            if (f != null && f[1].equals(p) && !otherSwap(f, src)) {
                changed = true;
                continue;
            }
            out.append(line);
        }
        return new Edit(out.toString(), changed);
    }
}
