package dev.jprov.run;

import dev.jprov.engine.RunAborted;

/**
 * ansible-playbook's exit codes, so scripts and CI jobs written for Ansible keep working: its TaskQueueManager's
 * RUN_FAILED_HOSTS (2) and RUN_UNREACHABLE_HOSTS (4), and its CLI's for an AnsibleError (1), AnsibleParserError (4),
 * bad options (5), an interrupt (99) and an unexpected exception (250).
 */
public enum ExitCode {
    OK(0), ERROR(1), HOST_FAILED(2), HOST_UNREACHABLE(4), PARSE_ERROR(4), BAD_OPTIONS(5), INTERRUPTED(99),
    UNEXPECTED(250);

    private final int code;

    /** The code of a run that aborted: ansible-playbook's CLI's for the exception that ended it. */
    public static ExitCode of(RunAborted.Kind kind) {
        return switch (kind) {
            case PARSE -> PARSE_ERROR;
            case ERROR -> ERROR;
            case UNEXPECTED -> UNEXPECTED;
        };
    }

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
