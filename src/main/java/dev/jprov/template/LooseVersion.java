package dev.jprov.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** distutils' LooseVersion, which Ansible's version test uses by default: numbers numerically, words by text. */
final class LooseVersion {
    private static final Pattern COMPONENT = Pattern.compile("(\\d+|[a-z]+|\\.)", Pattern.CASE_INSENSITIVE);

    private LooseVersion() {}

    static int compare(String a, String b) {
        List<Object> x = parse(a);
        List<Object> y = parse(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c;
            if (p instanceof Long lp && q instanceof Long lq) c = Long.compare(lp, lq);
            else if (p instanceof String sp && q instanceof String sq) c = sp.compareTo(sq);
            else c = p instanceof Long ? -1 : 1; // Python 3 cannot compare these; ints first keeps it total
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<Object> parse(String v) {
        List<Object> out = new ArrayList<>();
        Matcher m = COMPONENT.matcher(v);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) out.add(v.substring(last, m.start()));
            String part = m.group();
            last = m.end();
            if (part.equals(".")) continue;
            if (Character.isDigit(part.charAt(0))) {
                try {
                    out.add(Long.parseLong(part));
                } catch (NumberFormatException e) {
                    out.add(part);
                }
            } else {
                out.add(part);
            }
        }
        if (last < v.length()) out.add(v.substring(last));
        return out;
    }
}
