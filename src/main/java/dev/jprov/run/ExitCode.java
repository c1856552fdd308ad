package dev.jprov.run;

/** ansible-playbook's exit codes, so scripts and CI jobs written for Ansible keep working. */
public enum ExitCode {
    OK(0), ERROR(1), HOST_FAILED(2), HOST_UNREACHABLE(3), PARSE_ERROR(4), BAD_OPTIONS(5), INTERRUPTED(99);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
