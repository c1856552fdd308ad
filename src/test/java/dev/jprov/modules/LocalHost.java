package dev.jprov.modules;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test stand-in for the executor on the local machine: answers probes (Shell probes through a real POSIX sh,
 * FileInfo through the JDK) and applies Steps (Exec through sh, WriteFile as temp+rename), so tests can check the
 * bytes and modes a module leaves. Deliberately simple: one probe or step at a time, no batching.
 * The shell is a parameter so probe snippets are exercised under dash, busybox sh and bash.
 */
public final class LocalHost {
    private final List<String> shell;

    public LocalHost(List<String> shell) {
        this.shell = List.copyOf(shell);
    }

    public static LocalHost sh() {
        return new LocalHost(List.of("/bin/sh"));
    }

    /** The result of running a module call: the plan, the step results, the registered result after apply. */
    public record Run(Planned planned, List<StepResult> steps, Map<String, Object> result) {
        public boolean changed() {
            return planned.changesHost();
        }

        public boolean failed() {
            return planned.outcome() == Planned.Outcome.FAILED || Boolean.TRUE.equals(result.get("failed"));
        }
    }

    public Planned plan(Invocation invocation) {
        return invocation.plan(probe(invocation.probes()));
    }

    public Run run(Invocation invocation) {
        Planned planned = plan(invocation);
        List<StepResult> results = new ArrayList<>();
        if (planned.outcome() == Planned.Outcome.OK) {
            for (Change c : planned.changes()) {
                for (Step s : c.steps()) {
                    StepResult r = apply(s);
                    results.add(r);
                    boolean mayFail = s instanceof Step.Exec e && e.mayFail();
                    if (r.exitCode() != 0 && !mayFail) {
                        throw new AssertionError("step failed: " + s.display() + ": " + r.stderr());
                    }
                }
            }
        }
        return new Run(planned, results, planned.afterApply().result(planned.result(), results));
    }

    public Facts probe(List<Probe> probes) {
        Map<Probe, Object> answers = new HashMap<>();
        for (Probe p : probes) {
            switch (p) {
                case Probe.Shell s -> {
                    StepResult r = sh(s.script(), null);
                    answers.put(p, new ProbeAnswer(r.exitCode(), r.stdout(), r.stderr()));
                }
                case Probe.FileInfo f -> answers.put(p, fileInfo(f));
            }
        }
        return new Facts(answers);
    }

    /** The facts of a path (not following links), for assertions. */
    public static FileFacts fileInfoOf(String path) {
        return fileInfo(new Probe.FileInfo(path, false, false));
    }

    static FileFacts fileInfo(Probe.FileInfo probe) {
        Path path = Path.of(probe.path());
        LinkOption[] opts = probe.follow() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!Files.exists(path, opts)) return FileFacts.absent(probe.path());
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:*", opts);
            int mode = (Integer) a.get("mode");
            FileFacts.Type type = Files.isSymbolicLink(path) && !probe.follow() ? FileFacts.Type.LINK
                    : Files.isDirectory(path, opts) ? FileFacts.Type.DIRECTORY
                    : Files.isRegularFile(path, opts) ? FileFacts.Type.FILE : FileFacts.Type.OTHER;
            Optional<String> sha = type == FileFacts.Type.FILE && probe.hash()
                    ? Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(path)))) : Optional.empty();
            Optional<String> target = type == FileFacts.Type.LINK
                    ? Optional.of(Files.readSymbolicLink(path).toString()) : Optional.empty();
            return new FileFacts(probe.path(), type, String.format("%04o", mode & 07777), (Integer) a.get("uid"),
                    (Integer) a.get("gid"), a.get("owner").toString(), a.get("group").toString(), (Long) a.get("size"),
                    ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis() / 1000, sha, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public StepResult apply(Step step) {
        return switch (step) {
            case Step.Exec e -> sh(e.script(), null);
            case Step.WriteFile w -> write(w);
            // A local "new connection" is just another shell.
            case Step.Reconfirm r -> sh(r.script(), null);
            // Never reboot the machine the tests run on.
            case Step.Reboot r -> new StepResult(Step.Reboot.COMMAND_FAILED, "0", "LocalHost does not reboot");
        };
    }

    private StepResult write(Step.WriteFile w) {
        Path target = Path.of(w.path());
        try {
            Path tmp = Files.createTempFile(target.getParent(), ".jprov-", ".tmp");
            Files.write(tmp, w.content());
            // As the executor's WriteFile: whatever exists at the target (a special file too) gives its mode.
            String mode = w.mode().isPresent() ? w.mode().get()
                    : Files.exists(target) ? String.format("%04o", modeOf(target)) : "0644";
            StepResult chmod = sh("chmod " + mode + " '" + tmp + "'", null);
            if (chmod.exitCode() != 0) return chmod;
            if (w.owner().isPresent() || w.group().isPresent()) {
                StepResult chown = sh("chown '" + w.owner().orElse("") + (w.group().isPresent() ? ":" + w.group().get() : "")
                        + "' '" + tmp + "'", null);
                if (chown.exitCode() != 0) return chown;
            }
            if (w.validate().isPresent()) {
                StepResult v = sh(w.validate().get().replace("%s", "'" + tmp + "'"), null);
                if (v.exitCode() != 0) {
                    Files.deleteIfExists(tmp);
                    return v;
                }
            }
            if (w.backupSuffix().isPresent() && Files.exists(target)) {
                Files.copy(target, Path.of(w.path() + w.backupSuffix().get()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new StepResult(0, "", "");
        } catch (IOException e) {
            return new StepResult(1, "", e.toString());
        }
    }

    private static int modeOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    }

    public StepResult sh(String script, String stdin) {
        List<String> cmd = new ArrayList<>(shell);
        cmd.add("-c");
        cmd.add(script);
        try {
            Process p = new ProcessBuilder(cmd).start();
            if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            var err = p.getErrorStream();
            var errText = new java.util.concurrent.CompletableFuture<String>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    errText.complete(e.toString());
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            t.join();
            return new StepResult(rc, out, errText.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
