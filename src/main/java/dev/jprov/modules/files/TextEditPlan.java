package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The write half shared by lineinfile and blockinfile: new text in, Changes and Ansible's msg out. */
record TextEditPlan(String path, FileAttributes attributes, boolean backup, Optional<String> validate,
                    String backupSuffix) {

    static Optional<String> checkValidate(Optional<String> validate) {
        validate.ifPresent(v -> {
            if (!v.contains("%s")) throw new ArgsException("validate must contain %s: " + v);
        });
        return validate;
    }

    /** The plan's pieces: changes, the msg as Ansible words it, whether anything changes, the backup file. */
    record Outcome(List<Change> changes, String msg, boolean changed, Optional<String> backupFile) {
        Map<String, Object> result(Map<String, Object> extra) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("msg", msg);
            r.putAll(extra);
            return r;
        }
    }

    Outcome plan(TextFileTarget.State state, byte[] after, boolean contentChanged, String msg) {
        FileWrite write = new FileWrite(state.realPath(), after, attributes, validate,
                backup ? Optional.of(backupSuffix) : Optional.empty());
        var diff = ContentDiff.of(path + " (content)", state.content(), after);
        FileWrite.Outcome out = write.plan(state.facts(), contentChanged, diff);
        List<Change> changes = new ArrayList<>(out.changes());
        if (!state.exists()) {
            // Ansible creates missing parent directories for create=yes.
            Change c = changes.get(0);
            List<Step> steps = new ArrayList<>();
            steps.add(TextFileTarget.makeParent(state.realPath()));
            steps.addAll(c.steps());
            changes.set(0, new Change(c.action(), c.subject(), c.diff(), steps, c.writes()));
        }
        boolean attrsChanged = state.exists() ? !attributes.delta(state.facts()).isEmpty() : !attributes.isEmpty();
        String m = msg;
        if (attrsChanged) m = (contentChanged ? m + " and " : "") + "ownership, perms or SE linux context changed";
        return new Outcome(changes, m, contentChanged || attrsChanged, out.backupFile());
    }

    static Planned failed(String msg, int rc) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rc", rc);
        return Planned.failed(msg, r);
    }
}
