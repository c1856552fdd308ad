package dev.jprov.engine.script;

import dev.jprov.facts.FileContent;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.plan.ShellScript;

/**
 * How a probe script reads a file's bytes: as od's hex dump. od is POSIX (FreeBSD, GNU, busybox), the answer is
 * byte-exact (trailing newline, NUL, CR) and plain ASCII, so it cannot clash with the script's record delimiters
 * whatever the file holds.
 */
final class ContentRead {
    private ContentRead() {}

    static String script(Probe.FileContent probe) {
        String path = probe.path();
        String od = probe.limit().isPresent()
                ? ShellScript.fill("od -An -v -tx1 -N " + (probe.limit().getAsLong() + 1) + " {}", path)
                : ShellScript.fill("od -An -v -tx1 {}", path);
        return ShellScript.fill("if [ -f {} ]; then ", path) + od + "; else echo absent; fi";
    }

    static FileContent decode(ProbeAnswer answer, String path) {
        return FileContent.ofOdDump(answer, path);
    }
}
