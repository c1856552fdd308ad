package dev.jprov.modules;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileContent;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Canned probe answers for planning tests, no host involved: files by path (their facts and content probes),
 * directories, and shell probes answered by the first registered fragment their script contains. A probe nobody
 * answers fails the test, so a module cannot ask for something the test did not think of.
 *
 * <pre>{@code
 * CannedAnswers host = new CannedAnswers().file("/etc/jail.conf", conf).dir("/var/log/jails")
 *         .shell("jls -j mailserver jid", 1, "", "jls: jail \"mailserver\" not found\n");
 * Planned p = CannedAnswers.plan(new JailModule(), args("name", "mailserver", "state", "started"), host);
 * Planned q = CannedAnswers.plan(new SysrcModule(), args("name", "x", "value", "1"), text(rcConf));  // its one probe
 * Facts facts = host.facts(probes);                                   // for code that plans by itself
 * }</pre>
 */
public final class CannedAnswers {
    /** Where {@link #prepare} finds the local files a call names (src of pf, copy, template). */
    public static final TestModuleContext CONTEXT = TestModuleContext.simple(Path.of("src/test/resources/freebsd"));

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Set<String> dirs = new TreeSet<>();
    private final Map<String, ProbeAnswer> shells = new LinkedHashMap<>();

    /** A regular file (0644 root:wheel) with this content: its FileInfo and its content probes. */
    public CannedAnswers file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** A directory (0755 root:wheel). Paths neither a file nor a directory are absent. */
    public CannedAnswers dir(String path) {
        dirs.add(path);
        return this;
    }

    /** Answers every shell probe whose script contains {@code fragment} (the first registered fragment wins). */
    public CannedAnswers shell(String fragment, int exitCode, String stdout, String stderr) {
        shells.put(fragment, new ProbeAnswer(exitCode, stdout, stderr));
        return this;
    }

    /** Whether a shell answer is registered for exactly this fragment. */
    public boolean answersShell(String fragment) {
        return shells.containsKey(fragment);
    }

    /** The answers to these probes; an AssertionError names the first probe nothing here answers. */
    public Facts facts(List<Probe> probes) {
        Map<Probe, Object> out = new HashMap<>();
        for (Probe p : probes) out.put(p, answer(p));
        return new Facts(out);
    }

    public Planned plan(Invocation invocation) {
        return invocation.plan(facts(invocation.probes()));
    }

    /** Plans the module call against {@code answers}. */
    public static Planned plan(Module module, Map<String, Object> args, CannedAnswers answers) {
        return answers.plan(prepare(module, args));
    }

    /**
     * Plans the module call with its one probe answered by {@code answer} (a ProbeAnswer, FileFacts or FileContent);
     * a call with more probes fails.
     */
    public static Planned plan(Module module, Map<String, Object> args, Object answer) {
        Invocation invocation = prepare(module, args);
        List<Probe> probes = invocation.probes();
        if (probes.size() != 1) throw new AssertionError("expected one probe, got " + probes);
        return invocation.plan(new Facts(Map.of(probes.getFirst(), answer)));
    }

    /** The module's checked call (under its first name) with {@link #CONTEXT}. */
    public static Invocation prepare(Module module, Map<String, Object> args) {
        return module.prepare(new Args(module.names().getFirst(), args), CONTEXT);
    }

    /** Arguments from alternating keys and values, in order (YAML mappings keep order). */
    public static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** A probe that exited 0 with this output and nothing on stderr. */
    public static ProbeAnswer ok(String stdout) {
        return new ProbeAnswer(0, stdout, "");
    }

    /** What a content probe answers for a file holding {@code text}. */
    public static FileContent text(String text) {
        return new FileContent.Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code od -An -v -tx1} output of a text, as a shell probe that reads a jail's file through jls prints it. */
    public static String od(String content) {
        StringBuilder s = new StringBuilder();
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            s.append(i % 16 == 0 ? (i == 0 ? " " : "\n ") : " ").append(String.format("%02x", b[i] & 0xff));
        }
        return s.append('\n').toString();
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
                    f.hash() ? Optional.of(dev.jprov.facts.Sha256.hex(b)) : Optional.empty(), Optional.empty());
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
}
