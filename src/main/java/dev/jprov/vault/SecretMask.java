package dev.jprov.vault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The run's decrypted values, and the one function that hides them in text. A value of several lines (a decrypted
 * file) is registered line by line, as diffs show it, so a masked diff keeps its lines.
 * Values (and lines) shorter than {@link #MIN_LENGTH} characters are not masked: hiding every "a" or "no" would
 * make the output unreadable and hide nothing a reader could not guess.
 */
public final class SecretMask {
    public static final String MASK = "********";
    static final int MIN_LENGTH = 3;

    private final Set<String> secrets = new LinkedHashSet<>();
    // Longest first, so a secret that contains another is replaced whole; rebuilt on register, read lock-free.
    private volatile List<String> ordered = List.of();

    public synchronized void register(String value) {
        if (value == null) return;
        boolean added = false;
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            // Line by line only: masking the whole text too would fold a file into one line in a diff.
            for (String line : value.split("\r?\n|\r")) added |= add(line.strip());
        } else {
            added = add(value);
        }
        if (!added) return;
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        ordered = List.copyOf(sorted);
    }

    private boolean add(String s) {
        return s.length() >= MIN_LENGTH && secrets.add(s);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : ordered) {
            if (out.contains(s)) out = out.replace(s, MASK);
        }
        return out;
    }

    /** Whether anything is registered (masking is then a no-op). */
    public boolean isEmpty() {
        return ordered.isEmpty();
    }
}
