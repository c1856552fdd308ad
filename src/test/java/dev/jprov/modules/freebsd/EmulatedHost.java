package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated FreeBSD host in a temp directory: the testbed's emulated commands (testbed/emu/bin first on PATH)
 * with EMU_ROOT set, so probes and steps run the real command emulations end to end through /bin/sh, as the
 * executor would send them (each probe in braces, like ProbeBatch). Paths under {@link #shared()} are the same for
 * the emulated commands (which prefix EMU_ROOT) and for plain file reads in probes (od, sed): EMU_ROOT/shared is
 * a symlink to it.
 */
final class EmulatedHost {
    static final Path EMU = Path.of("testbed/emu").toAbsolutePath();
    private final Path root;
    private final Path shared;

    EmulatedHost(Path tmp) throws IOException {
        root = tmp.resolve("emu");
        shared = tmp.resolve("shared");
        Files.createDirectories(root);
        Files.createDirectories(shared);
        Path link = Path.of(root + shared.toString());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, shared);
        StepResult r = sh("sh " + EMU.resolve("lib/emu_install_rc.sh") + " \"$EMU_ROOT\" host");
        if (r.exitCode() != 0) throw new IllegalStateException("emu install failed: " + r.stderr());
    }

    Path root() {
        return root;
    }

    Path shared() {
        return shared;
    }

    StepResult sh(String script) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().put("EMU_ROOT", root.toString());
        pb.environment().put("PATH", EMU.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("TMPDIR", root.getParent().toString());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            int rc = p.waitFor();
            return new StepResult(rc, out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Check mode: probes only. */
    Planned plan(Invocation inv) {
        Map<Probe, Object> answers = new HashMap<>();
        for (Probe p : inv.probes()) {
            if (p instanceof Probe.FileInfo f) {
                answers.put(p, fileFacts(f));
                continue;
            }
            if (p instanceof Probe.FileContent c) {
                Path real = Path.of(root + c.path());
                try {
                    answers.put(p, Files.isRegularFile(real)
                            ? dev.jprov.facts.FileContent.of(c, Files.readAllBytes(real))
                            : new dev.jprov.facts.FileContent.Absent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                continue;
            }
            Probe.Shell s = (Probe.Shell) p;
            StepResult r = sh("{\n" + s.script() + "\n}");
            answers.put(p, new ProbeAnswer(r.exitCode(), r.stdout(), r.stderr()));
        }
        return inv.plan(new Facts(answers));
    }

    /** A path of the emulated host (below EMU_ROOT, as the emulated commands see it): type and mode only. */
    private FileFacts fileFacts(Probe.FileInfo f) {
        Path real = Path.of(root + f.path());
        try {
            if (!Files.exists(real) || (!f.follow() && Files.isSymbolicLink(real))) return FileFacts.absent(f.path());
            FileFacts.Type type = Files.isDirectory(real) ? FileFacts.Type.DIRECTORY
                    : Files.isRegularFile(real) ? FileFacts.Type.FILE : FileFacts.Type.OTHER;
            int mode = 0;
            for (var perm : Files.getPosixFilePermissions(real)) mode |= 1 << (8 - perm.ordinal());
            return new FileFacts(f.path(), type, String.format("%04o", mode), -1, -1, "", "", Files.size(real), 0,
                    java.util.Optional.empty(), java.util.Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real run: plan, then the steps in order, stopping at the first failure. */
    record Applied(Planned planned, List<StepResult> steps, boolean failed) {}

    Applied apply(Invocation inv) {
        Planned planned = plan(inv);
        List<StepResult> results = new ArrayList<>();
        if (planned.outcome() != Planned.Outcome.OK) return new Applied(planned, results, true);
        for (Change c : planned.changes()) {
            for (Step s : c.steps()) {
                StepResult r = sh(((Step.Exec) s).script());
                results.add(r);
                if (r.exitCode() != 0) return new Applied(planned, results, true);
            }
        }
        return new Applied(planned, results, false);
    }
}
