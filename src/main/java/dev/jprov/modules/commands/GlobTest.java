package dev.jprov.modules.commands;

import dev.jprov.plan.ShellQuote;

/**
 * creates=/removes= as Ansible's glob.glob: "yes" when any path matches. Only * and ? are wildcards here
 * ('[' is taken literally); every other character of the pattern is quoted, so a pattern cannot inject shell.
 */
final class GlobTest {
    private GlobTest() {}

    static String script(String pattern) {
        // No exit: probes run inside the executor's one probe script.
        return "jp_r=no; for jp_g in " + word(pattern) + "; do if [ -e \"$jp_g\" ] || [ -L \"$jp_g\" ]; then"
                + " jp_r=yes; break; fi; done; echo \"$jp_r\"";
    }

    /** The pattern as one sh word: literal runs quoted, * and ? left bare so the shell expands them. */
    static String word(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) out.append(ShellQuote.quote(literal.toString()));
                literal.setLength(0);
                out.append(c);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0 || out.length() == 0) out.append(ShellQuote.quote(literal.toString()));
        return out.toString();
    }

    /** The fixed directory part, for what the probe reads. */
    static String base(String pattern) {
        int wild = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*' || pattern.charAt(i) == '?') {
                wild = i;
                break;
            }
        }
        String head = pattern.substring(0, wild);
        int slash = head.lastIndexOf('/');
        return wild == pattern.length() ? pattern : slash <= 0 ? "/" : head.substring(0, slash);
    }
}
