package dev.jprov.modules.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.AsyncJob;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One async_status call: the job file's path, whether it exists and what it holds come from one probe; the result
 * is the action plugin's initial one merged with the module's (lib/ansible/plugins/action/async_status.py,
 * lib/ansible/modules/async_status.py), stdout_lines/stderr_lines added as the controller adds them.
 */
public record AsyncStatus(String jid, boolean cleanup) implements ShellProbeInvocation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> JOB =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    @Override
    public Probe.Shell probe() {
        return new Probe.Shell(ShellScript.fill("f=\"$HOME\"/{}/{}; printf '%s\\n' \"$f\"; "
                + "if [ -f \"$f\" ]; then echo found; cat \"$f\"; else echo missing; fi", AsyncJob.DIR, jid),
                List.of(Resource.ANY));
    }

    @Override
    public Planned plan(ProbeAnswer answer) {
        String out = answer.stdout();
        int first = out.indexOf('\n');
        int second = first < 0 ? -1 : out.indexOf('\n', first + 1);
        if (!answer.ok() || second < 0) {
            return Planned.failed("could not read the async job file: " + answer.stderr().strip(), initial(""));
        }
        String path = out.substring(0, first);
        boolean found = out.substring(first + 1, second).equals("found");
        String data = out.substring(second + 1);
        Map<String, Object> r = initial(path);
        if (!found) {
            r.put("started", 1);
            r.put("finished", 1);
            return Planned.failed("could not find job", r);
        }
        if (cleanup) {
            r.put("erased", path);
            Step rm = new Step.Exec(ShellScript.fill("rm -f -- {}", path), "rm -f -- " + path, false);
            return Planned.of(List.of(new Change(Action.TIDY, path, Diff.NONE, List.of(rm),
                    List.of(Resource.path(path)))), r);
        }
        Map<String, Object> job;
        try {
            job = data.isBlank() ? null : JSON.readValue(data, JOB);
        } catch (JsonProcessingException e) {
            r.put("started", 1);
            r.put("finished", 1);
            return Planned.failed("Could not parse job output: " + data, r);
        }
        if (job == null) {
            r.put("started", 1);
            r.put("finished", 0);
            return Planned.ok(r); // not written yet: it is running
        }
        if (!job.containsKey("started")) {
            job.put("finished", 1);
            job.put("ansible_job_id", jid);
        } else if (!job.containsKey("finished")) {
            job.put("finished", 0);
        }
        r.putAll(job);
        for (String stream : List.of("stdout", "stderr")) {
            if (job.containsKey(stream) && !job.containsKey(stream + "_lines")) {
                r.put(stream + "_lines", CommandRun.lines(job.get(stream) == null ? "" : job.get(stream).toString()));
            }
        }
        // The job's changed is the result's: a command that ran reports changed, as Ansible's job result says.
        boolean changed = Boolean.TRUE.equals(job.get("changed"));
        return Planned.of(List.of(changed ? new Change(Action.RUN, path, Diff.NONE, List.of(), List.of())
                : Change.none(path)), r);
    }

    /** The action plugin's result before the module's is merged over it. */
    private Map<String, Object> initial(String path) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("started", 0);
        r.put("finished", 0);
        r.put("stdout", "");
        r.put("stderr", "");
        r.put("stdout_lines", List.of());
        r.put("stderr_lines", List.of());
        r.put("ansible_job_id", jid);
        if (cleanup) {
            r.put("erased", path);
        } else {
            r.put("results_file", path);
            r.put("started", 1);
        }
        return r;
    }
}
