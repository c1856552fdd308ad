package dev.jprov.engine.script;

import dev.jprov.modules.StepResult;
import dev.jprov.plan.ShellQuote;
import dev.jprov.plan.Step;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The steps of a host's changed tasks as ONE script, in order, stopping at the first step that fails so that
 * nothing after a failure runs. Files are written atomically: temp file in the target's directory, content,
 * validate, mode and owner, optional backup, then rename.
 */
public final class ChangeBatch {
    private final Boundary boundary;
    private final List<Step> steps = new ArrayList<>();
    private final String backupSuffix;

    /** {@code backupSuffix} is the ".PID.DATE@TIME~" Ansible appends to backups, fixed per run by the caller. */
    public ChangeBatch(Boundary boundary, String backupSuffix) {
        this.boundary = boundary;
        this.backupSuffix = backupSuffix;
    }

    /** Adds a step and returns its index in the batch. */
    public int add(Step step) {
        steps.add(step);
        return steps.size() - 1;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public int size() {
        return steps.size();
    }

    public RemoteScript.ChangeScript script() {
        StringBuilder s = new StringBuilder(4096);
        s.append(boundary.declaration()).append('\n').append(ShellPrelude.TEXT);
        for (int i = 0; i < steps.size(); i++) {
            String id = Integer.toString(i);
            s.append(boundary.startMarker(id)).append('\n');
            switch (steps.get(i)) {
                case Step.Exec e -> s.append("(\n").append(e.script()).append("\n)\n");
                case Step.WriteFile w -> s.append("(\n").append(writeFile(w, i)).append(")\n");
            }
            s.append("jp_rc=$?\n").append(boundary.endMarker(id)).append('\n')
                    .append("[ \"$jp_rc\" -eq 0 ] || exit 0\n");
        }
        return new RemoteScript.ChangeScript(s.toString());
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
        s.append("if [ -e ").append(target).append(" ]; then chmod \"$(jp_perm ").append(target)
                .append(")\" \"$jp_t\"; chown \"$(jp_owner ").append(target).append(")\" \"$jp_t\"; ")
                .append("else chmod \"$(printf '%o' $((0666 & ~0$(umask))))\" \"$jp_t\"; fi\n");
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
     * The result of each step that ran, in order; fewer than {@link #size()} when the batch stopped at a failure
     * (the last one then has a non-zero exit code) or the connection died.
     */
    public List<StepResult> results(ExecResult result) {
        ScriptRecords records = ScriptRecords.parse(boundary, result.stdout(), result.stderr());
        List<StepResult> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ScriptRecords.Entry e = records.get(Integer.toString(i));
            if (e == null) break;
            int rc = e.exitCode().orElse(result.exitCode() == 0 ? 255 : result.exitCode());
            out.add(new StepResult(rc, e.stdout(), e.stderr()));
            if (rc != 0) break;
        }
        return out;
    }
}
