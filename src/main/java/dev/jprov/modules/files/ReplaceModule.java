package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's replace: every match of a Python regexp (re.MULTILINE, over the decoded text) replaced, optionally only
 * between {@code after} and {@code before}, as ansible-core 2.14's replace.py does it.
 */
public final class ReplaceModule implements Module {

    @Override
    public List<String> names() {
        return List.of("replace", "ansible.builtin.replace");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest", "destfile", "name");
        String regexp = args.requireString("regexp");
        String replace = args.string("replace").orElse("");
        Optional<String> after = args.string("after").filter(s -> !s.isEmpty());
        Optional<String> before = args.string("before").filter(s -> !s.isEmpty());
        boolean backup = args.bool("backup", false);
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        TextEncoding encoding = TextEncoding.named(args.string("encoding").orElse("utf-8"));
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        ReplaceEdit edit = new ReplaceEdit(compile(regexp, PythonRegex.Flag.MULTILINE), replace,
                section(after, before));
        edit.checkTemplate();
        TextFileTarget target = new TextFileTarget(path);
        TextEditPlan writer = new TextEditPlan(path, attributes, backup, validate,
                backup ? context.backupSuffix() : "", context.diff());
        return target.edit(state -> {
            if (!state.exists()) return TextEditPlan.failed("Path " + path + " does not exist !", 257);
            String contents = encoding.decode(state.content().orElse(new byte[0]), path);
            ReplaceEdit.Result r = edit.apply(contents);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("rc", 0);
            if (r.sectionMissing()) {
                result.put("msg", "Pattern for before/after params did not match the given file: "
                        + edit.section().map(PythonRegex::pattern).orElse(""));
                return Planned.ok(result);
            }
            boolean changed = r.count() > 0 && !r.text().equals(contents);
            String msg = changed ? r.count() + " replacements made" : "";
            TextEditPlan.Outcome out = writer.plan(state, encoding.encode(r.text()), changed, msg);
            result.put("msg", out.msg());
            out.backupFile().ifPresent(b -> result.put("backup_file", b));
            if (changed && context.diff()) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("before_header", path);
                diff.put("before", contents);
                diff.put("after_header", path);
                diff.put("after", r.text());
                result.put("diff", diff);
            }
            return Planned.of(out.changes(), result);
        });
    }

    /** replace.py's section pattern: after(?P<subsection>.*?)before, DOTALL; the options are regexps themselves. */
    private static Optional<PythonRegex> section(Optional<String> after, Optional<String> before) {
        String pattern;
        if (after.isPresent() && before.isPresent()) pattern = after.get() + "(?P<subsection>.*?)" + before.get();
        else if (after.isPresent()) pattern = after.get() + "(?P<subsection>.*)";
        else if (before.isPresent()) pattern = "(?P<subsection>.*)" + before.get();
        else return Optional.empty();
        return Optional.of(compile(pattern, PythonRegex.Flag.DOTALL));
    }

    private static PythonRegex compile(String pattern, PythonRegex.Flag flag) {
        try {
            return PythonRegex.str(pattern, flag);
        } catch (PythonRegexException e) {
            throw new ArgsException("invalid regular expression: " + pattern + " (" + e.getMessage() + ")");
        }
    }
}
