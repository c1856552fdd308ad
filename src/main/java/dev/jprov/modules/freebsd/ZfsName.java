package dev.jprov.modules.freebsd;

import dev.jprov.modules.ArgsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks dataset and snapshot names the way zfs(8) does (zfs_namecheck.c): components of letters, digits and
 * {@code _ - . :}, separated by '/', the pool name starting with a letter. Checked before anything runs so a typo
 * is an argument error, not a half-applied plan.
 */
final class ZfsName {
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]*");
    private static final int MAX = 255;

    private ZfsName() {}

    static String dataset(String module, String argument, String name) {
        String what = module + ": " + argument + " '" + name + "'";
        if (name.isEmpty()) throw new ArgsException(module + ": " + argument + " must not be empty");
        if (name.length() > MAX) throw new ArgsException(what + " is longer than " + MAX + " characters");
        if (name.contains("@")) throw new ArgsException(what + " is a snapshot name; give the dataset only");
        String[] parts = name.split("/", -1);
        if (!POOL.matcher(parts[0]).matches()) {
            throw new ArgsException(what + " is not a valid dataset name: the pool name must start with a letter "
                    + "and contain only letters, digits, '_', '-', '.' and ':'");
        }
        for (String p : parts) {
            if (p.isEmpty() || !COMPONENT.matcher(p).matches() || p.equals(".") || p.equals("..")) {
                throw new ArgsException(what + " is not a valid dataset name: component '" + p + "' may only "
                        + "contain letters, digits, '_', '-', '.' and ':' (no spaces, no empty components)");
            }
        }
        return name;
    }

    static String snapshot(String module, String argument, String name) {
        if (name.isEmpty() || !COMPONENT.matcher(name).matches() || name.length() > MAX) {
            throw new ArgsException(module + ": " + argument + " '" + name + "' is not a valid snapshot name: use "
                    + "letters, digits, '_', '-', '.' and ':' (no '@', '/' or spaces)");
        }
        return name;
    }

    /** The parents of a dataset, nearest first: a/b/c gives a/b, a. */
    static List<String> ancestors(String dataset) {
        List<String> out = new ArrayList<>();
        for (int i = dataset.lastIndexOf('/'); i > 0; i = dataset.lastIndexOf('/', i - 1)) {
            out.add(dataset.substring(0, i));
        }
        return out;
    }
}
