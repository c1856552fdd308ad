package dev.jprov.facts;

import java.util.Map;

/** The answers to the probes a module asked for, handed to its pure planning function. */
public final class Facts {
    private final Map<Probe, Object> answers;

    public Facts(Map<Probe, Object> answers) {
        this.answers = Map.copyOf(answers);
    }

    public ProbeAnswer get(Probe.Shell probe) {
        return (ProbeAnswer) require(probe);
    }

    public FileFacts get(Probe.FileInfo probe) {
        return (FileFacts) require(probe);
    }

    public FileContent get(Probe.FileContent probe) {
        return (FileContent) require(probe);
    }

    /** A file's bytes, or empty when it is not a regular file; throws when the host could not read it. */
    public java.util.Optional<byte[]> content(Probe.FileContent probe) {
        return get(probe).bytes(probe.path());
    }

    private Object require(Probe probe) {
        Object a = answers.get(probe);
        if (a == null) throw new IllegalStateException("no answer for probe " + probe + "; was it declared?");
        return a;
    }
}
