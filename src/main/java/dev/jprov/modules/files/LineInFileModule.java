package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ansible's lineinfile: one line present or absent, edited exactly as Ansible 2.14 edits it. */
public final class LineInFileModule implements Module {

    @Override
    public List<String> names() {
        return List.of("lineinfile", "ansible.builtin.lineinfile");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest", "destfile", "name");
        boolean present = args.choice("state", "present", "absent", "present").equals("present");
        Optional<String> regexp = args.stringAliased("regexp", "regex");
        Optional<String> searchString = args.string("search_string");
        Optional<String> line = args.stringAliased("line", "value");
        Optional<String> insertAfter = args.string("insertafter");
        Optional<String> insertBefore = args.string("insertbefore");
        boolean backrefs = args.bool("backrefs", false);
        boolean create = args.bool("create", false);
        boolean backup = args.bool("backup", false);
        boolean firstMatch = args.bool("firstmatch", false);
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        exclusive(insertBefore.isPresent() && insertAfter.isPresent(), "insertbefore|insertafter");
        exclusive(regexp.isPresent() && searchString.isPresent(), "regexp|search_string");
        exclusive(args.has("backrefs") && backrefs && searchString.isPresent(), "backrefs|search_string");
        if (present) {
            if (backrefs && regexp.isEmpty()) throw new ArgsException("regexp is required with backrefs=true");
            if (line.isEmpty()) throw new ArgsException("line is required with state=present");
        } else if (regexp.isEmpty() && searchString.isEmpty() && line.isEmpty()) {
            throw new ArgsException("one of line, search_string, or regexp is required with state=absent");
        }
        LineInFileEdit edit = new LineInFileEdit(
                regexp.map(r -> BytesPattern.compile(TextFileTarget.latin1(r), "regexp")),
                searchString.map(TextFileTarget::latin1), line.map(TextFileTarget::latin1),
                insertAfter.map(TextFileTarget::latin1), insertBefore.map(TextFileTarget::latin1),
                backrefs, firstMatch);
        if (insertAfter.isPresent() && !insertAfter.get().equals("EOF") && !insertAfter.get().equals("BOF")) {
            BytesPattern.compile(TextFileTarget.latin1(insertAfter.get()), "insertafter");
        } else if (insertBefore.isPresent() && !insertBefore.get().equals("BOF")) {
            BytesPattern.compile(TextFileTarget.latin1(insertBefore.get()), "insertbefore");
        }
        TextFileTarget target = new TextFileTarget(path);
        TextEditPlan writer = new TextEditPlan(path, attributes, backup, validate,
                backup ? context.backupSuffix() : "", context.diff());
        return target.edit(state -> {
            if (present) {
                if (!state.exists() && !create) {
                    return TextEditPlan.failed("Destination " + path + " does not exist !", 257);
                }
                List<String> lines = LineInFileEdit.readLines(state.latin1().orElse(""));
                return finish(writer, state, edit.present(lines), Map.of());
            }
            if (!state.exists()) {
                return Planned.ok(Map.of("msg", "file not present"));
            }
            LineInFileEdit.Result r = edit.absent(LineInFileEdit.readLines(state.latin1().orElse("")));
            return finish(writer, state, r, Map.of("found", r.found()));
        });
    }

    private static Planned finish(TextEditPlan writer, TextFileTarget.State state, LineInFileEdit.Result r,
                                  Map<String, Object> extra) {
        TextEditPlan.Outcome out = writer.plan(state, TextFileTarget.bytes(r.text()), r.changed(), r.msg());
        Map<String, Object> result = out.result(extra);
        result.put("backup", out.backupFile().orElse(""));
        return Planned.of(out.changes(), result);
    }

    private static void exclusive(boolean both, String names) {
        if (both) throw new ArgsException("parameters are mutually exclusive: " + names);
    }
}
