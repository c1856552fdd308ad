package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileContent;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An rc.conf file as sysrc's -f, -R and -j options name it, read in one probe. The probe is a value: every
 * sysrc task on the same file builds an equal probe, so the executor reads the file once per round however many
 * variables the play sets (a jail's rc.conf often has twenty). A file on the host or under a root is read with
 * the shared {@link Probe.FileContent} (also equal to lineinfile's probe of the same path); a jail's file is read
 * through the jail's path from jls, which is only known on the host, so that probe depends on anything.
 */
record RcConfFile(Optional<JailOperand> jail, Optional<String> root, String path) {

    /** Where the file is on the host when that is known before probing. */
    Optional<String> hostPath() {
        if (jail.isPresent()) return Optional.empty();
        return Optional.of(root.map(r -> joined(r, path)).orElse(path));
    }

    static String joined(String root, String path) {
        String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return r + path;
    }

    Probe probe() {
        if (hostPath().isPresent()) return Probe.FileContent.whole(hostPath().get());
        String script = ShellScript.fill("if jpf_jp=$(jls -j {} path); then printf 'jailpath=%s\\n' \"$jpf_jp\"; "
                + "if [ -f \"$jpf_jp\"{} ]; then od -An -v -tx1 \"$jpf_jp\"{}; else echo absent; fi; else (exit 1); fi",
                jail.get().value(), path, path);
        return new Probe.Shell(script, List.of(Resource.ANY));
    }

    /** What the probe found: the file's host path and its assignments (none when the file does not exist). */
    record Contents(String hostPath, boolean exists, Map<String, RcConfText.Value> values) {}

    /** The contents, or an error message (jail not running, unreadable file). */
    Result read(Facts facts) {
        String where = hostPath().orElse(path);
        FileContent content;
        if (jail.isEmpty()) {
            content = facts.get((Probe.FileContent) probe());
        } else {
            ProbeAnswer a = facts.get((Probe.Shell) probe());
            if (!a.ok() || !a.stdout().startsWith("jailpath=")) {
                return new Result(Optional.empty(), Optional.of("jail " + jail.get() + " is not running: "
                        + a.stderr().strip()));
            }
            int nl = a.stdout().indexOf('\n');
            where = joined(a.stdout().substring("jailpath=".length(), nl), path);
            content = FileContent.ofOdDump(new ProbeAnswer(0, a.stdout().substring(nl + 1), ""), where);
        }
        Optional<byte[]> bytes;
        try {
            bytes = content.bytes(where);
        } catch (IllegalStateException e) {
            return new Result(Optional.empty(), Optional.of(e.getMessage()));
        }
        Map<String, RcConfText.Value> values = bytes
                .map(b -> RcConfText.assignments(new String(b, StandardCharsets.UTF_8))).orElse(Map.of());
        return new Result(Optional.of(new Contents(where, bytes.isPresent(), values)), Optional.empty());
    }

    record Result(Optional<Contents> contents, Optional<String> error) {}

    /** How the diff and messages name the file. */
    String label() {
        return jail.map(j -> path + " in jail " + j).or(() -> root.map(r -> joined(r, path))).orElse(path);
    }
}
