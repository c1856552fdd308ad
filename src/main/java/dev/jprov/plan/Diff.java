package dev.jprov.plan;

/**
 * Before and after of a change for -D output: text content (unified diff is computed by the reporter) with
 * headers naming what they are, as Ansible's diff callback prints them ("before: /etc/rc.conf").
 */
public record Diff(String beforeHeader, String before, String afterHeader, String after) {
    public static Diff of(String subject, String before, String after) {
        return new Diff(subject, before, subject, after);
    }

    public static final Diff NONE = new Diff("", "", "", "");

    public boolean isEmpty() {
        return before.equals(after);
    }
}
