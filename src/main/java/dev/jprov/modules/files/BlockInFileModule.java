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

/** Ansible's blockinfile: a marked block of lines, with Ansible's default markers so its blocks are taken over. */
public final class BlockInFileModule implements Module {

    @Override
    public List<String> names() {
        return List.of("blockinfile", "ansible.builtin.blockinfile");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest", "destfile", "name");
        boolean present = args.choice("state", "present", "absent", "present").equals("present");
        String marker = args.string("marker").orElse("# {mark} ANSIBLE MANAGED BLOCK");
        String block = args.stringAliased("block", "content").orElse("");
        Optional<String> insertAfter = args.string("insertafter");
        Optional<String> insertBefore = args.string("insertbefore");
        boolean create = args.bool("create", false);
        boolean backup = args.bool("backup", false);
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        String begin = args.string("marker_begin").orElse("BEGIN");
        String end = args.string("marker_end").orElse("END");
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (insertAfter.isPresent() && insertBefore.isPresent()) {
            throw new ArgsException("parameters are mutually exclusive: insertbefore|insertafter");
        }
        BlockInFileEdit edit = BlockInFileEdit.of(TextFileTarget.latin1(marker), TextFileTarget.latin1(begin),
                TextFileTarget.latin1(end), TextFileTarget.latin1(block), present,
                insertAfter.map(TextFileTarget::latin1), insertBefore.map(TextFileTarget::latin1));
        // Compile now so a bad regex is an argument error, not a planning failure.
        insertAfter.filter(s -> !s.equals("EOF")).ifPresent(s -> BytesPattern.compile(TextFileTarget.latin1(s), "insertafter"));
        insertBefore.filter(s -> !s.equals("BOF")).ifPresent(s -> BytesPattern.compile(TextFileTarget.latin1(s), "insertbefore"));
        TextFileTarget target = new TextFileTarget(path);
        TextEditPlan writer = new TextEditPlan(path, attributes, backup, validate,
                backup ? context.backupSuffix() : "", context.diff());
        return target.edit(state -> {
            if (!state.exists()) {
                if (!create) return TextEditPlan.failed("Path " + path + " does not exist !", 257);
                if (!present) return Planned.ok(Map.of("msg", "File " + path + " not present"));
            }
            Optional<String> original = state.latin1();
            String result = edit.apply(original);
            boolean changed = original.map(o -> !o.equals(result)).orElse(true);
            String msg = !changed ? "" : original.isEmpty() ? "File created"
                    : edit.markerBegin().isEmpty() || !present || edit.block().isEmpty() ? "Block removed"
                    : "Block inserted";
            TextEditPlan.Outcome out = writer.plan(state, TextFileTarget.bytes(result), changed, msg);
            Map<String, Object> r = out.result(Map.of());
            out.backupFile().ifPresent(b -> r.put("backup_file", b));
            return Planned.of(out.changes(), r);
        });
    }
}
