package dev.jprov.modules.freebsd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as zfs(8) reads and prints them: "512M", "1.5G", "10GiB", plain bytes in; zfs_nicenum's "10G",
 * "1.50G" out. With {@code -p} zfs prints bytes, so the module compares bytes and shows the short form.
 */
final class ZfsSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmgtpez]?)(i?b)?");
    private static final String UNITS = "BKMGTPEZ";

    private ZfsSize() {}

    static OptionalLong parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return OptionalLong.empty();
        String unit = m.group(2);
        int shift = unit.isEmpty() ? 0 : "bkmgtpez".indexOf(unit.charAt(0));
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(10 * shift));
        // zfs truncates fractions of a byte ("1.5K" is 1536, "0.3K" is 307).
        return OptionalLong.of(bytes.setScale(0, RoundingMode.DOWN).longValue());
    }

    /** zfs_nicenum: exact multiples as "10G", others with up to 2 decimals in at most 5 characters. */
    static String nice(long n) {
        if (n < 1024) return n + "B";
        int u = 0;
        double v = n;
        while (v >= 1024 && u < UNITS.length() - 1) {
            v /= 1024;
            u++;
        }
        if (n % (1L << (10 * u)) == 0) return (long) v + String.valueOf(UNITS.charAt(u));
        for (int prec = 2; prec >= 0; prec--) {
            String s = String.format(Locale.ROOT, "%." + prec + "f%c", v, UNITS.charAt(u));
            if (s.length() <= 5) return s;
        }
        return String.format(Locale.ROOT, "%.0f%c", v, UNITS.charAt(u));
    }
}
