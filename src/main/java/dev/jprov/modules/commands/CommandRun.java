package dev.jprov.modules.commands;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.AsyncJob;
import dev.jprov.modules.Detachable;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellQuote;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command, shell or raw call after its arguments are read: {@code script} is the shell text to run,
 * {@code cmd} what the result reports (argv list for command, the string for shell). creates/removes are
 * decided from a probe; a command that runs is a RUN change writing {@link Resource#ANY} (its effects are
 * unknown) and its rc/stdout/stderr only exist after apply, so in check mode they are left out.
 */
record CommandRun(String script, String display, Object cmd, Optional<String> creates, Optional<String> removes,
                  boolean strip, boolean failOnRc, List<String> warnings) implements Detachable {

    CommandRun(String script, String display, Object cmd, Optional<String> creates, Optional<String> removes,
               boolean strip, boolean failOnRc) {
        this(script, display, cmd, creates, removes, strip, failOnRc, List.of());
    }

    private Optional<Probe.Shell> existsProbe(Optional<String> pattern) {
        return pattern.map(p -> new Probe.Shell(GlobTest.script(p), List.of(Resource.path(GlobTest.base(p)))));
    }

    @Override
    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        existsProbe(creates).ifPresent(probes::add);
        existsProbe(removes).ifPresent(probes::add);
        return probes;
    }

    private static boolean exists(ProbeAnswer a) {
        return a.stdout().strip().equals("yes");
    }

    @Override
    public Planned plan(Facts facts) {
        if (creates.isPresent() && exists(facts.get(existsProbe(creates).get()))) {
            return skipped("Did not run command since '" + creates.get() + "' exists",
                    "skipped, since " + creates.get() + " exists");
        }
        if (removes.isPresent() && !exists(facts.get(existsProbe(removes).get()))) {
            return skipped("Did not run command since '" + removes.get() + "' does not exist",
                    "skipped, since " + removes.get() + " does not exist");
        }
        Change run = new Change(Action.RUN, display, Diff.NONE,
                List.of(new Step.Exec(script, display, true)), List.of(Resource.ANY));
        Map<String, Object> planned = new LinkedHashMap<>();
        planned.put("cmd", cmd);
        if (!warnings.isEmpty()) planned.put("warnings", warnings);
        return Planned.of(List.of(run), planned).withAfterApply((result, steps) -> afterRun(result, steps));
    }

    /**
     * As an async job: one step that starts it. When creates/removes say the command does not run, the job only
     * writes that result, as the command module run by async_wrapper would.
     */
    @Override
    public Planned planDetached(Facts facts, AsyncJob job) {
        Planned plain = plan(facts);
        String body;
        if (plain.changesHost()) {
            body = AsyncJobScript.running(script, cmd, strip, job.timeLimit());
        } else {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put("changed", false);
            skipped.putAll(plain.result());
            body = AsyncJobScript.writing(skipped);
        }
        Change start = new Change(Action.RUN, display, Diff.NONE,
                List.of(new Step.Exec(AsyncJobScript.launch(job, body), "async " + display, false)),
                List.of(Resource.ANY));
        return Planned.of(List.of(start), Map.of()).withAfterApply(AsyncJobScript::launched);
    }

    private Map<String, Object> afterRun(Map<String, Object> planned, List<StepResult> steps) {
        Map<String, Object> r = new LinkedHashMap<>(planned);
        if (steps.isEmpty()) return r;
        StepResult s = steps.get(steps.size() - 1);
        String out = strip ? stripEnds(s.stdout()) : s.stdout();
        String err = strip ? stripEnds(s.stderr()) : s.stderr();
        r.put("rc", s.exitCode());
        r.put("stdout", out);
        r.put("stderr", err);
        r.put("stdout_lines", lines(out));
        r.put("stderr_lines", lines(err));
        r.put("msg", s.exitCode() == 0 ? "" : "non-zero return code");
        if (failOnRc && s.exitCode() != 0) r.put("failed", true);
        return r;
    }

    private Planned skipped(String msg, String stdout) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cmd", cmd);
        r.put("rc", 0);
        r.put("stdout", stdout);
        r.put("stderr", "");
        r.put("stdout_lines", List.of(stdout));
        r.put("stderr_lines", List.of());
        r.put("msg", msg);
        return Planned.of(List.of(Change.none(display)), r);
    }

    private static String stripEnds(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    /** Python's str.splitlines() for the usual line ends. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) return out;
        for (String l : s.split("\r\n|\n|\r", -1)) out.add(l);
        if (s.endsWith("\n") || s.endsWith("\r")) out.remove(out.size() - 1);
        return out;
    }

    static String quote(String s) {
        return ShellQuote.quote(s);
    }
}
