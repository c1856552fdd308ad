package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jail module's probes (the conf file's bytes and {@code jls -j NAME jid}, in the same round) and its plan.
 * Changes come in the order their steps must run: stop (with the OLD definition, so its exec.stop and
 * exec.poststop are the ones that undo what its prestart did), the definition, the console log directory, start.
 */
record JailPlan(String name, String state, String conf, boolean wholeFile, Optional<JailDefinition> definition,
                boolean restartOnChange) implements Invocation {

    private Probe.FileContent confProbe() {
        return Probe.FileContent.whole(conf);
    }

    Probe.Shell runningProbe() {
        return new Probe.Shell(Cmd.of("jls", "-j", name, "jid").toShell(),
                List.of(new Resource(Resource.Kind.JAIL, name)));
    }

    private Optional<String> consoleDir() {
        return definition.flatMap(JailDefinition::consoleLog).filter(p -> p.startsWith("/"))
                .map(p -> p.substring(0, Math.max(1, p.lastIndexOf('/'))));
    }

    private static String parent(String path) {
        return path.substring(0, Math.max(1, path.lastIndexOf('/')));
    }

    @Override
    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>(List.of(confProbe(), runningProbe()));
        consoleDir().ifPresent(d -> probes.add(new Probe.FileInfo(d, false, true)));
        if (wholeFile) probes.add(new Probe.FileInfo(parent(conf), false, true));
        return probes;
    }

    @Override
    public Planned plan(Facts facts) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("conf_file", conf);
        Optional<String> jid;
        try {
            jid = running(facts.get(runningProbe()));
        } catch (IllegalStateException e) {
            return Planned.failed(e.getMessage(), result);
        }
        Optional<byte[]> bytes = facts.content(confProbe());
        String text = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String oldStanza;
        String newText;
        Optional<JailConfStanzas.Stanza> existing;
        try {
            List<JailConfStanzas.Stanza> found = wholeFile && bytes.isPresent() && text.isBlank() ? List.of()
                    : JailConfStanzas.named(conf, text, name);
            if (found.size() > 1) {
                return Planned.failed(conf + " defines jail " + name + " " + found.size() + " times (lines "
                        + found.stream().map(s -> Integer.toString(s.line())).toList()
                        + "); jprov manages one stanza per jail, merge them first", result);
            }
            existing = found.stream().findFirst();
        } catch (JailConfStanzas.Malformed e) {
            return Planned.failed("cannot edit " + e.getMessage(), result);
        }
        oldStanza = existing.map(s -> text.substring(s.start(), s.end())).orElse("");
        boolean removeDefinition = state.equals("absent") && (existing.isPresent() || wholeFile && bytes.isPresent());
        Optional<String> wanted = definition.map(JailDefinition::render);
        if (wholeFile) {
            newText = wanted.orElse(text);
        } else if (wanted.isPresent()) {
            newText = existing.map(s -> JailConfStanzas.replace(text, s, wanted.get()))
                    .orElseGet(() -> JailConfStanzas.append(text, wanted.get()));
        } else if (removeDefinition) {
            newText = JailConfStanzas.remove(text, existing.get());
        } else {
            newText = text;
        }
        boolean definitionChanges = wanted.isPresent() && (bytes.isEmpty() || !newText.equals(text))
                || removeDefinition;

        boolean runningNow = jid.isPresent();
        boolean wantRunning = switch (state) {
            case "started", "restarted" -> true;
            case "stopped", "absent" -> false;
            default -> runningNow;
        };
        boolean changeNeedsRestart = runningNow && wantRunning && definitionChanges;
        boolean restart = runningNow && wantRunning && (state.equals("restarted") || changeNeedsRestart && restartOnChange);
        boolean pending = changeNeedsRestart && !restart;
        boolean stop = runningNow && (!wantRunning || restart);
        boolean start = wantRunning && (!runningNow || restart);

        List<Change> changes = new ArrayList<>();
        Resource jail = new Resource(Resource.Kind.JAIL, name);
        String jailSubject = "jail " + name;
        String stateBefore = runningNow ? "running (jid " + jid.get() + ")\n" : "stopped\n";
        if (stop) {
            Cmd cmd = existing.isPresent() || wholeFile && bytes.isPresent()
                    ? Cmd.of("jail", "-f", conf, "-r", name) : Cmd.of("jail", "-r", name);
            changes.add(new Change(restart ? Action.RUN : Action.UPDATE, jailSubject,
                    Diff.of(jailSubject, stateBefore, restart ? "restarting\n" : "stopped\n"),
                    List.of(Step.Exec.of(cmd)), List.of(jail)));
        }
        if (definitionChanges) {
            List<Step> steps = new ArrayList<>();
            String subject = conf + (wholeFile ? "" : " (jail " + name + ")");
            Action action;
            if (removeDefinition && wholeFile) {
                steps.add(Step.Exec.of(Cmd.of("rm", "-f", "--", conf)));
                action = Action.DELETE;
            } else {
                if (wholeFile) {
                    FileFacts dir = facts.get(new Probe.FileInfo(parent(conf), false, true));
                    if (!dir.exists()) steps.add(Step.Exec.of(Cmd.of("mkdir", "-p", "--", parent(conf))));
                }
                steps.add(Step.WriteFile.of(conf, newText.getBytes(StandardCharsets.UTF_8)));
                action = removeDefinition ? Action.DELETE : existing.isPresent() ? Action.UPDATE : Action.CREATE;
            }
            String before = wholeFile ? text : oldStanza;
            String after = removeDefinition ? "" : wanted.orElse("");
            changes.add(new Change(action, subject, new Diff(subject, before, subject, after), steps,
                    List.of(Resource.path(conf))));
        }
        Optional<String> dir = consoleDir();
        if (dir.isPresent() && !facts.get(new Probe.FileInfo(dir.get(), false, true)).exists()) {
            // A missing exec.consolelog directory makes the jail fail to start (seed 000's pitfall).
            changes.add(new Change(Action.CREATE, dir.get(), Diff.of(dir.get(), "", "directory\n"),
                    List.of(Step.Exec.of(Cmd.of("mkdir", "-p", "--", dir.get()))), List.of(Resource.path(dir.get()))));
        }
        if (start) {
            changes.add(new Change(restart ? Action.RUN : Action.UPDATE, jailSubject,
                    Diff.of(jailSubject, restart ? "restarting\n" : stateBefore, "running\n"),
                    List.of(Step.Exec.of(Cmd.of("jail", "-f", conf, "-c", name))), List.of(jail)));
        }
        if (changes.isEmpty()) changes.add(Change.none(jailSubject));
        result.put("state", state);
        result.put("running", wantRunning);
        jid.ifPresent(j -> result.put("jid", j));
        result.put("definition_changed", definitionChanges);
        result.put("restart", restart);
        result.put("restart_pending", pending);
        if (pending) {
            result.put("msg", "the definition of running jail " + name + " changed; it takes effect when the jail "
                    + "restarts (restart_on_change: true, or notify a handler that restarts it)");
        }
        return Planned.of(changes, result);
    }

    /** The jid when {@code jls -j NAME jid} found the jail; empty when it said "not found". */
    static Optional<String> running(ProbeAnswer a) {
        if (a.ok()) return Optional.of(a.stdout().strip());
        if (a.stderr().contains("not found")) return Optional.empty();
        throw new IllegalStateException("jls failed (exit " + a.exitCode() + "): " + a.stderr().strip());
    }
}
