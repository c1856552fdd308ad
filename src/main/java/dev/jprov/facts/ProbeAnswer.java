package dev.jprov.facts;

/** The answer to a {@link Probe.Shell}: what it printed and its exit code. */
public record ProbeAnswer(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
