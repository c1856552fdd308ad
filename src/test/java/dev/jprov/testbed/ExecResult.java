package dev.jprov.testbed;

/** What a command run on a testbed host left behind. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an AssertionError naming the command, exit code and both streams. */
    public ExecResult orFail(String what) {
        if (exitCode != 0) {
            throw new AssertionError(what + " exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
        return this;
    }
}
