package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileContent;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Sha256;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.LocalHost;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Canned probe answers for planning tests: files by path, directories, and shell probes answered by the first
 * registered fragment their script contains. A probe nobody answers fails the test, so a module cannot ask for
 * something the fixture did not think of.
 */
final class CannedHost {
    final Map<String, String> files = new LinkedHashMap<>();
    final Set<String> dirs = new TreeSet<>();
    final Map<String, ProbeAnswer> shells = new LinkedHashMap<>();

    CannedHost file(String path, String content) {
        files.put(path, content);
        return this;
    }

    CannedHost dir(String path) {
        dirs.add(path);
        return this;
    }

    CannedHost shell(String fragment, int rc, String stdout, String stderr) {
        shells.put(fragment, new ProbeAnswer(rc, stdout, stderr));
        return this;
    }

    Facts answer(Invocation inv) {
        Map<Probe, Object> out = new HashMap<>();
        for (Probe p : inv.probes()) out.put(p, answer(p));
        return new Facts(out);
    }

    Planned plan(Invocation inv) {
        return inv.plan(answer(inv));
    }

    static Planned plan(Module module, Map<String, Object> args, CannedHost host) {
        return host.plan(prepare(module, args));
    }

    static Invocation prepare(Module module, Map<String, Object> args) {
        return module.prepare(new Args(module.names().getFirst(), args),
                LocalHost.TestContext.simple(Path.of("src/test/resources/freebsd")));
    }

    private Object answer(Probe p) {
        return switch (p) {
            case Probe.FileInfo f -> fileFacts(f);
            case Probe.Shell s -> shellAnswer(s);
            case Probe.FileContent c -> files.containsKey(c.path())
                    ? FileContent.of(c, files.get(c.path()).getBytes(StandardCharsets.UTF_8))
                    : new FileContent.Absent();
        };
    }

    private FileFacts fileFacts(Probe.FileInfo f) {
        String c = files.get(f.path());
        if (c != null) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            return new FileFacts(f.path(), FileFacts.Type.FILE, "0644", 0, 0, "root", "wheel", b.length, 0,
                    f.hash() ? Optional.of(Sha256.hex(b)) : Optional.empty(), Optional.empty());
        }
        if (dirs.contains(f.path())) {
            return new FileFacts(f.path(), FileFacts.Type.DIRECTORY, "0755", 0, 0, "root", "wheel", 512, 0,
                    Optional.empty(), Optional.empty());
        }
        return FileFacts.absent(f.path());
    }

    private ProbeAnswer shellAnswer(Probe.Shell s) {
        for (Map.Entry<String, ProbeAnswer> e : shells.entrySet()) {
            if (s.script().contains(e.getKey())) return e.getValue();
        }
        throw new AssertionError("no canned answer for probe: " + s.script());
    }

    static String od(String content) {
        StringBuilder s = new StringBuilder();
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            s.append(i % 16 == 0 ? (i == 0 ? " " : "\n ") : " ").append(String.format("%02x", b[i] & 0xff));
        }
        return s.append('\n').toString();
    }
}
