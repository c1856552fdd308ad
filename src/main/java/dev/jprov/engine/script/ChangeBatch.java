package dev.jprov.engine.script;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.ShellQuote;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a host's changed tasks as ONE script, in order. Steps form groups (one loop item of a task): the
 * first failing step of a group skips the rest of that group, as a failed item does not stop the other items of
 * an Ansible loop. Groups belong to tasks: once a task's step has failed, no step of a later task runs, as the
 * host's play stops at a failed task. {@link #add(Step)} puts every step in one group, so nothing after a failure
 * runs. Files are written atomically: temp file in the target's directory, content, validate, mode and owner,
 * optional backup, then rename.
 */
public final class ChangeBatch {
    private final Boundary boundary;
    private final List<Step> steps = new ArrayList<>();
    private final List<Integer> groups = new ArrayList<>();
    private final List<Integer> tasks = new ArrayList<>();
    private final String backupSuffix;

    /** {@code backupSuffix} is the ".PID.DATE@TIME~" Ansible appends to backups, fixed per run by the caller. */
    public ChangeBatch(Boundary boundary, String backupSuffix) {
        this.boundary = boundary;
        this.backupSuffix = backupSuffix;
    }

    /** Adds a step to the default group and returns its index in the batch. */
    public int add(Step step) {
        return add(step, 0);
    }

    /** Adds a step to a group of the first task and returns its index in the batch. */
    public int add(Step step, int group) {
        return add(step, group, 0);
    }

    /** Adds a step to a group of a task (tasks in increasing order) and returns its index in the batch. */
    public int add(Step step, int group, int task) {
        if (!tasks.isEmpty() && task < tasks.get(tasks.size() - 1)) {
            throw new IllegalArgumentException("tasks out of order: " + task + " after " + tasks.getLast());
        }
        steps.add(step);
        groups.add(group);
        tasks.add(task);
        return steps.size() - 1;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public int size() {
        return steps.size();
    }

    public RemoteScript.ChangeScript script() {
        return new RemoteScript.ChangeScript(text());
    }

    /**
     * The steps, then the probes: one round trip that makes the changes and reads the host as they left it.
     * The probes run whatever the steps did.
     */
    public RemoteScript.ChangeScript script(ProbeBatch then) {
        return new RemoteScript.ChangeScript(text() + then.body());
    }

    private String text() {
        StringBuilder s = new StringBuilder(4096);
        s.append(boundary.declaration()).append('\n').append(ShellPrelude.TEXT);
        for (int i = 0; i < steps.size(); i++) {
            String id = Integer.toString(i);
            String skip = "jp_skip_" + groups.get(i);
            String failedTask = "jp_fail_" + tasks.get(i);
            s.append("if [ -z \"${jp_stop:-}\" ] && [ -z \"${").append(skip).append(":-}\" ]; then\n");
            s.append(boundary.startMarker(id)).append('\n');
            switch (steps.get(i)) {
                // The script itself arrives on the shell's stdin: a step must never read it.
                case Step.Exec e -> s.append("(\n").append(e.script()).append("\n) </dev/null\n");
                case Step.WriteFile w -> s.append("(\n").append(writeFile(w, i)).append(") </dev/null\n");
                case Step.Reconfirm r -> throw new IllegalArgumentException(
                        "a reconfirm step runs over its own connection, not in a batch: " + r.display());
                case Step.Reboot r -> throw new IllegalArgumentException(
                        "a reboot step runs alone, not in a batch: " + r.display());
            }
            s.append("jp_rc=$?\n").append(boundary.endMarker(id)).append('\n')
                    .append("[ \"$jp_rc\" -eq 0 ] || { ").append(skip).append("=1; ").append(failedTask)
                    .append("=1; }\n")
                    .append("fi\n");
            if (i + 1 == steps.size() || !tasks.get(i + 1).equals(tasks.get(i))) {
                s.append("[ -z \"${").append(failedTask).append(":-}\" ] || jp_stop=1\n");
            }
        }
        return s.toString();
    }

    private String writeFile(Step.WriteFile w, int index) {
        String target = ShellQuote.quote(w.path());
        int slash = w.path().lastIndexOf('/');
        String dir = slash <= 0 ? "/" : w.path().substring(0, slash);
        String eof = "JPROV_EOF_" + boundary.token() + "_" + index;
        StringBuilder s = new StringBuilder();
        s.append("set -e\n");
        s.append("jp_t=$(mktemp ").append(ShellQuote.quote(dir + "/.jprov-tmp.XXXXXXXX")).append(")\n");
        s.append("trap 'rm -f \"$jp_t\"' EXIT\n");
        s.append("jp_b64d > \"$jp_t\" <<'").append(eof).append("'\n");
        String b64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(w.content());
        if (!b64.isEmpty()) s.append(b64).append('\n');
        s.append(eof).append('\n');
        // Keep the target's mode and owner unless told otherwise; a new file gets 0666 less the umask.
        // One stat for both (a process each); an absolute mode set below makes the old one moot.
        boolean absoluteMode = w.mode().filter(m -> m.matches("[0-7]{1,4}")).isPresent();
        s.append("if [ -e ").append(target).append(" ]; then jp_m=$(jp_meta ").append(target).append("); ");
        if (!absoluteMode) s.append("chmod \"${jp_m% *}\" \"$jp_t\"; ");
        s.append("chown \"${jp_m#* }\" \"$jp_t\"; ");
        if (!absoluteMode) s.append("else chmod \"$(printf '%o' $((0666 & ~0$(umask))))\" \"$jp_t\"; ");
        s.append("fi\n");
        w.mode().ifPresent(m -> s.append("chmod ").append(ShellQuote.quote(m)).append(" \"$jp_t\"\n"));
        if (w.owner().isPresent() || w.group().isPresent()) {
            String spec = w.owner().orElse("") + (w.group().isPresent() ? ":" + w.group().get() : "");
            s.append("chown ").append(ShellQuote.quote(spec)).append(" \"$jp_t\"\n");
        }
        w.validate().ifPresent(v -> s.append(v.replace("%s", "\"$jp_t\"")).append('\n'));
        w.backupSuffix().ifPresent(ignored -> s.append("if [ -f ").append(target).append(" ]; then cp -p ")
                .append(target).append(' ').append(ShellQuote.quote(w.path() + backupSuffix)).append("; fi\n"));
        s.append("mv -f \"$jp_t\" ").append(target).append('\n');
        s.append("trap - EXIT\n");
        return s.toString();
    }

    /**
     * The result of each step by index; a step that did not run (its group had failed, or the connection died
     * before it) has no entry. A step cut off while running gets exit code 255.
     */
    public Map<Integer, StepResult> resultsByStep(ExecResult result) {
        ScriptRecords records = ScriptRecords.parse(boundary, result.stdout(), result.stderr());
        Map<Integer, StepResult> out = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            ScriptRecords.Entry e = records.get(Integer.toString(i));
            if (e == null) continue;
            int rc = e.exitCode().orElse(255);
            out.put(i, new StepResult(rc, e.stdout(), e.stderr()));
        }
        return out;
    }

    /** The results of the steps that ran, in order (for a single group: up to and including a failure). */
    public List<StepResult> results(ExecResult result) {
        return new ArrayList<>(resultsByStep(result).values());
    }
}
