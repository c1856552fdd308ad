package dev.jprov.engine;

import dev.jprov.playbook.Task;
import dev.jprov.transport.TransportException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session a task of a host runs in: the host's own; one with the task's become over the same connection when
 * the task (or its play or block) sets become; or, with delegate_to, the delegate's.
 */
final class TaskSessions {
    private final RunContext run;
    private final TaskRunner runner;
    private final Targets targets;
    private final HostVars vars;
    private final String host;
    private final TaskPlanner planner;

    TaskSessions(RunContext run, TaskRunner runner, Targets targets, HostVars vars, String host, TaskPlanner planner) {
        this.run = run;
        this.runner = runner;
        this.planner = planner;
        this.targets = targets;
        this.vars = vars;
        this.host = host;
    }

    /** The host's session, connecting on first use. */
    HostSession own() throws TransportException {
        return targets.session(host, vars.connectionVars());
    }

    /**
     * The session the task runs in. Its become and delegate_to keywords are templated only for a task that runs,
     * as ansible-core 2.14's TaskExecutor post-validates them after the when: a task its when skips needs neither.
     */
    HostSession of(Task task, Map<String, Object> taskVars, HostSession own) throws TransportException {
        var k = task.keywords();
        if (k.delegateTo() == null && k.become() == null && k.becomeUser() == null && k.becomeMethod() == null) {
            return own;
        }
        // nor is a delegate connected for it: the skipped task runs (is reported) in the host's own session
        if (planner.prepare(task, taskVars).stream().allMatch(PreparedCall::skipped)) return own;
        HostSession target = withBecome(task, taskVars, own);
        String delegate = delegate(task, taskVars);
        if (delegate == null) return target;
        return isLocal(delegate) ? targets.local() : targets.session(delegate, vars.connectionVarsOf(delegate));
    }

    /** The host the task is delegated to, or null: none, or default(omit). */
    private String delegate(Task task, Map<String, Object> taskVars) {
        String written = task.keywords().delegateTo();
        if (written == null) return null;
        Object name = run.templating().render(written, taskVars, task.location());
        // A keyword templated to omit is left unset, as Ansible's post_validate does: no delegation.
        return run.templating().omit().equals(name) ? null : String.valueOf(name);
    }

    private HostSession withBecome(Task task, Map<String, Object> taskVars, HostSession own)
            throws TransportException {
        var k = task.keywords();
        if (k.become() == null && k.becomeUser() == null && k.becomeMethod() == null) return own;
        Map<String, Object> cv = new LinkedHashMap<>(vars.connectionVars());
        if (k.become() != null) {
            cv.put("ansible_become", runner.isTrue(k.become(), taskVars, false, task.location()));
        }
        if (k.becomeUser() != null) {
            cv.put("ansible_become_user", run.templating().render(k.becomeUser(), taskVars, task.location()));
        }
        if (k.becomeMethod() != null) {
            cv.put("ansible_become_method", run.templating().render(k.becomeMethod(), taskVars, task.location()));
        }
        return targets.session(host, cv);
    }

    private static boolean isLocal(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }
}
