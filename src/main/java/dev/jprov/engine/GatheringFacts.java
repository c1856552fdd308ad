package dev.jprov.engine;

import dev.jprov.engine.script.ProbeBatch;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.SystemFacts;
import dev.jprov.report.Event;
import dev.jprov.report.Status;
import dev.jprov.transport.TransportException;
import java.util.List;
import java.util.Map;

/**
 * A play's implicit "Gathering Facts" task on a host (unless gather_facts is off): the facts come with the host's
 * first probe round, which also asks the probes of the play's tasks.
 */
final class GatheringFacts {
    private final RunContext run;
    private final PlayShared shared;
    private final HostState host;
    private final HostVars vars;
    private final TaskRunner runner;
    private final Lookahead ahead;
    private final HostReport report;

    GatheringFacts(RunContext run, PlayShared shared, HostState host, HostVars vars, TaskRunner runner,
                   Lookahead ahead, HostReport report) {
        this.run = run;
        this.shared = shared;
        this.host = host;
        this.vars = vars;
        this.runner = runner;
        this.ahead = ahead;
        this.report = report;
    }

    void run(HostSession session) {
        boolean gather = shared.play.gatherFacts() == null
                || runner.isTrue(shared.play.gatherFacts(), vars.play(), true);
        if (!gather) return;
        shared.step(host.name);
        shared.progress.taskStarted(host.name);
        int key = shared.keyOf(shared.play);
        try {
            ahead.enter(shared.play.allTasks(), Map.of());
            Map<Probe, Object> answers = session.answers(List.of(SystemFacts.PROBE), ahead::probes);
            ahead.leave();
            host.facts.putAll(SystemFacts.parse((ProbeAnswer) answers.get(SystemFacts.PROBE)));
            run.recap().count(host.name, Status.OK);
            run.report(new Event.TaskResult(host.name, key, "Gathering Facts", false, Status.OK, null, "",
                    List.of(), List.of(), Map.of("changed", false), false));
        } catch (TransportException e) {
            report.unreachable(key, "Gathering Facts", e);
            throw new HostStopped();
        } catch (ProbeBatch.ProbeFailure e) {
            report.fail(key, "Gathering Facts", null, e.getMessage());
        }
    }
}
