package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.files.ContentHashes;
import dev.jprov.modules.files.FileContentProbe;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pf.conf from {@code content} or a {@code src} template, installed with confirm-or-revert:
 * <ol>
 * <li>the candidate is checked with {@code pfctl -nf -} in the PROBE round (content in a quoted here-document,
 * so nothing is written on the host, and check mode fails on a bad ruleset exactly as a real run does); the
 * atomic write checks it again next to the target before the rename;</li>
 * <li>apply: save the current file as PATH.jprov-prev, write PATH, arm a revert timer with daemon(8)
 * ({@code sleep N; restore; pfctl -f}), load with {@code pfctl -f} (never a pf restart, which drops states);</li>
 * <li>a {@link Step.Reconfirm} over a NEW SSH connection kills the timer and removes the saved copy. If the new
 * ruleset locks the controller out the confirmation fails and the host restores the old ruleset within N
 * seconds.</li>
 * </ol>
 */
public final class PfModule implements Module {
    static final String NAME = "pf";
    static final String PIDFILE = "/var/run/jprov-pf-revert.pid";

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.pf");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<Object> content = args.value("content");
        Optional<String> src = args.string("src");
        String path = args.string("path", "/etc/pf.conf");
        long timeout = args.integer("confirm_timeout").orElse(60L);
        Optional<Boolean> enabled = args.bool("enabled");
        boolean rcEnable = args.bool("pf_enable", false);
        args.finish();
        if (content.isPresent() == src.isPresent()) {
            throw new ArgsException(NAME + ": give exactly one of content and src");
        }
        if (!path.startsWith("/") || path.indexOf('\n') >= 0) throw new ArgsException(NAME + ": path must be absolute");
        if (timeout < 10 || timeout > 3600) {
            throw new ArgsException(NAME + ": confirm_timeout must be 10..3600 seconds, got " + timeout);
        }
        String text = content.isPresent() ? String.valueOf(content.get())
                : context.renderTemplate(context.findLocalFile("templates", src.get()));
        if (text.indexOf('\0') >= 0) throw new ArgsException(NAME + ": the ruleset contains a NUL byte");
        return new Plan(path, text, (int) timeout, enabled.orElse(false), rcEnable);
    }

    record Plan(String path, String content, int timeout, boolean enable, boolean rcEnable) implements Invocation {

        String saved() {
            return path + ".jprov-prev";
        }

        /** {@code pfctl -nf -} on the candidate, fed by a here-document whose delimiter is not a line of it. */
        Probe.Shell syntaxCheck() {
            String eof = "JPROV_PF_" + ContentHashes.sha256(content.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            String body = content.endsWith("\n") || content.isEmpty() ? content : content + "\n";
            return new Probe.Shell("pfctl -nf - <<'" + eof + "'\n" + body + eof, List.of());
        }

        Probe.Shell status() {
            return new Probe.Shell(ShellScript.fill("pfctl -s info 2>&1 | head -n 1; "
                    + "if [ -f {} ] && kill -0 \"$(cat {})\" 2>/dev/null; then echo armed; fi", PIDFILE, PIDFILE),
                    List.of(new Resource(Resource.Kind.PF, "*"), Resource.path(PIDFILE)));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> p = new ArrayList<>(List.of(FileContentProbe.whole(path).probe(),
                    new Probe.FileInfo(path, false, true), syntaxCheck(), status()));
            if (rcEnable) p.add(new RcEnableFlag("pf_enable").probe());
            return p;
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("path", path);
            ProbeAnswer check = facts.get(syntaxCheck());
            if (!check.ok()) {
                String msg = (check.stderr() + check.stdout()).strip().replace("stdin:", path + " (new):");
                result.put("stderr", msg);
                return Planned.failed("pfctl -nf rejected the new " + path + ": " + msg + "; nothing was changed", result);
            }
            ProbeAnswer st = facts.get(status());
            List<String> statusLines = st.stdout().lines().toList();
            boolean running = !statusLines.isEmpty() && statusLines.getFirst().startsWith("Status: Enabled");
            if (statusLines.contains("armed")) {
                return Planned.failed("a pf revert timer of an earlier run is still armed (" + PIDFILE + "): an "
                        + "earlier ruleset was not confirmed and is being reverted; wait for it, then run again", result);
            }
            Optional<byte[]> bytes = FileContentProbe.parse(facts.get(FileContentProbe.whole(path).probe()), path);
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            boolean write = bytes.isEmpty() || !before.equals(content);
            boolean turnOn = enable && !running;
            List<Change> changes = new ArrayList<>();
            if (write || turnOn) {
                changes.add(new Change(bytes.isEmpty() ? Action.CREATE : write ? Action.UPDATE : Action.RUN,
                        write ? path : "pf", write ? new Diff(path, before, path, content)
                        : Diff.of("pf", "Status: Disabled\n", "Status: Enabled\n"),
                        steps(facts.get(new Probe.FileInfo(path, false, true)), write, turnOn),
                        List.of(Resource.path(path), Resource.path(saved()), new Resource(Resource.Kind.PF, "*"))));
            }
            if (rcEnable) {
                Change c = new RcEnableFlag("pf_enable").enable(facts);
                if (c.changes()) changes.add(c);
            }
            if (changes.isEmpty()) changes.add(Change.none(path));
            result.put("enabled", enable || running);
            result.put("confirm_timeout", timeout);
            return Planned.of(changes, result);
        }

        private List<Step> steps(FileFacts current, boolean write, boolean turnOn) {
            List<Step> steps = new ArrayList<>();
            String revert;
            if (write) {
                // The saved copy is what the timer restores; with no old file an empty ruleset (pass all) comes back.
                steps.add(new Step.Exec(current.exists() ? ShellScript.fill("cp -p {} {}", path, saved())
                        : ShellScript.fill(": > {}", saved()), "save " + path + " as " + saved(), false));
                Step.WriteFile w = Step.WriteFile.of(path, content.getBytes(StandardCharsets.UTF_8));
                steps.add(new Step.WriteFile(w.path(), w.content(), w.mode(), w.owner(), w.group(),
                        Optional.of("pfctl -nf %s"), Optional.empty()));
                revert = ShellScript.fill("sleep " + timeout + "; cp {} {} && pfctl -f {}", saved(), path, path)
                        + (turnOn ? "; pfctl -d" : "");
            } else {
                revert = "sleep " + timeout + "; pfctl -d";
            }
            steps.add(Step.Exec.of(Cmd.of("daemon", "-f", "-p", PIDFILE, "sh", "-c", revert)));
            if (write) steps.add(Step.Exec.of(Cmd.of("pfctl", "-f", path)));
            if (turnOn) {
                steps.add(Step.Exec.of(Cmd.of("pfctl", "-e")));
            }
            String confirm = ShellScript.fill("kill \"$(cat {})\" && rm -f {}", PIDFILE, PIDFILE)
                    + (write ? ShellScript.fill(" {}", saved()) : "");
            steps.add(new Step.Reconfirm(confirm, "confirm over a new connection (else the host reverts in "
                    + timeout + " s)"));
            return steps;
        }
    }
}
