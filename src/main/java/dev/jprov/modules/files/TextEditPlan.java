package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The write half shared by lineinfile and blockinfile: new text in, Changes and Ansible's msg out. */
record TextEditPlan(String path, FileAttributes attributes, boolean backup, Optional<String> validate,
                    String backupSuffix, boolean diffMode) {

    static Optional<String> checkValidate(Optional<String> validate) {
        validate.ifPresent(v -> {
            if (!v.contains("%s")) throw new ArgsException("validate must contain %s: " + v);
        });
        return validate;
    }

    /** The plan's pieces: changes, the msg as Ansible words it, whether anything changes, the backup file. */
    record Outcome(List<Change> changes, String msg, boolean changed, Optional<String> backupFile,
                   List<Map<String, Object>> diff) {
        Map<String, Object> result(Map<String, Object> extra) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("msg", msg);
            r.putAll(extra);
            r.put("diff", diff);
            return r;
        }
    }

    /**
     * The result's diff, as lineinfile's and blockinfile's exit_json give it: the content (texts only in diff
     * mode, else empty) and the file attributes (before/after only where they change).
     */
    private List<Map<String, Object>> diffList(TextFileTarget.State state, byte[] after, FileAttributes.Delta delta) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("before", diffMode ? state.content().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("")
                : "");
        content.put("after", diffMode ? new String(after, StandardCharsets.UTF_8) : "");
        content.put("before_header", path + " (content)");
        content.put("after_header", path + " (content)");
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (delta != null && !delta.isEmpty()) {
            attrs.put("before", new LinkedHashMap<>(delta.before()));
            attrs.put("after", new LinkedHashMap<>(delta.after()));
        }
        attrs.put("before_header", path + " (file attributes)");
        attrs.put("after_header", path + " (file attributes)");
        return List.of(content, attrs);
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
        FileAttributes.Delta delta = state.exists() ? attributes.delta(state.facts()) : null;
        return new Outcome(changes, m, contentChanged || attrsChanged, out.backupFile(), diffList(state, after, delta));
    }

    static Planned failed(String msg, int rc) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rc", rc);
        return Planned.failed(msg, r);
    }
}
