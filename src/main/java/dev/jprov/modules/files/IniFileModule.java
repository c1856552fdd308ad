package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * community.general.ini_file as in community.general 6.6 (the collections of Ansible 7): one option of one
 * section (or of the lines before the first section, section null: periodic.conf and rc.conf style files).
 */
public final class IniFileModule implements Module {

    @Override
    public List<String> names() {
        return List.of("ini_file", "community.general.ini_file", "community.general.files.ini_file");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest");
        Optional<String> section = args.string("section");
        Optional<String> option = args.string("option").filter(s -> !s.isEmpty());
        Optional<String> value = args.string("value");
        boolean hasValues = args.has("values");
        List<String> values = args.list("values");
        boolean backup = args.bool("backup", false);
        boolean present = args.choice("state", "present", "absent", "present").equals("present");
        boolean exclusive = args.bool("exclusive", true);
        boolean noExtraSpaces = args.bool("no_extra_spaces", false);
        boolean allowNoValue = args.bool("allow_no_value", false);
        boolean create = args.bool("create", true);
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (value.isPresent() && hasValues) throw new ArgsException("parameters are mutually exclusive: value|values");
        if (present && !allowNoValue && value.isEmpty() && values.isEmpty()) {
            throw new ArgsException("Parameter 'value(s)' must be defined if state=present and allow_no_value=False.");
        }
        // ini_file itself fails with a Python TypeError here (re.escape(None)); say what is missing instead.
        if (present && exclusive && !allowNoValue && option.isEmpty()) {
            throw new ArgsException("option is required with value(s) and state=present");
        }
        List<String> vals = value.map(List::of).orElse(values);
        IniFileEdit edit = new IniFileEdit(section, option, vals, present, exclusive, noExtraSpaces, allowNoValue);
        TextFileTarget target = new TextFileTarget(path);
        TextEditPlan writer = new TextEditPlan(path, attributes, backup, Optional.empty(),
                backup ? context.backupSuffix() : "", context.diff());
        return target.edit(state -> {
            if (!state.exists() && !create) return TextEditPlan.failed("Destination " + path + " does not exist!", 257);
            Optional<String> text = state.content().map(IniFileModule::decode);
            IniFileEdit.Result r = edit.apply(text);
            byte[] after = r.text().getBytes(StandardCharsets.UTF_8);
            // Nothing to write to a missing file (state=absent): ini_file leaves it missing.
            TextEditPlan.Outcome out = state.exists() || r.changed()
                    ? writer.plan(state, after, r.changed(), r.msg())
                    : new TextEditPlan.Outcome(List.of(Change.none(path)), r.msg(), false, Optional.empty(), List.of());
            Map<String, Object> result = new LinkedHashMap<>();
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("before", context.diff() ? text.map(t -> String.join("", IniFileEdit.readLines(t))).orElse("") : "");
            diff.put("after", context.diff() ? r.text() : "");
            diff.put("before_header", path + " (content)");
            diff.put("after_header", path + " (content)");
            result.put("diff", diff);
            // Attributes alone change nothing in msg: ini_file sets them after do_ini has worded it.
            result.put("msg", r.msg());
            result.put("path", path);
            out.backupFile().ifPresent(b -> result.put("backup_file", b));
            return Planned.of(out.changes(), result);
        });
    }

    /** io.open(encoding="utf-8-sig"): a byte order mark is dropped. */
    private static String decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
