package dev.jprov.report;

/** How a task ended on a host, as Ansible's callbacks name it. */
public enum Status {
    OK("ok"), CHANGED("changed"), SKIPPED("skipping"), FAILED("fatal"), UNREACHABLE("fatal"), IGNORED("ok"),
    RESCUED("ok");

    private final String word;

    Status(String word) {
        this.word = word;
    }

    /** The word Ansible prints at the start of a result line. */
    public String word() {
        return word;
    }
}
