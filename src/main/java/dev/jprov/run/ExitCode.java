package dev.jprov.run;

/**
 * ansible-playbook's exit codes, so scripts and CI jobs written for Ansible keep working: its TaskQueueManager's
 * RUN_FAILED_HOSTS (2) and RUN_UNREACHABLE_HOSTS (4), and its CLI's for an AnsibleError (1), AnsibleParserError (4),
 * bad options (5), an interrupt (99) and an unexpected exception (250).
 */
public enum ExitCode {
    OK(0), ERROR(1), HOST_FAILED(2), HOST_UNREACHABLE(4), PARSE_ERROR(4), BAD_OPTIONS(5), INTERRUPTED(99),
    UNEXPECTED(250);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
