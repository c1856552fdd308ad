package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Ansible's template: renders a local Jinja file (templates/ of the role or playbook), then copies it. */
public final class TemplateModule implements Module {

    @Override
    public List<String> names() {
        return List.of("template", "ansible.builtin.template");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String src = args.string("src").orElseThrow(() -> new ArgsException("src and dest are required"));
        String dest = args.string("dest").orElseThrow(() -> new ArgsException("src and dest are required"));
        boolean backup = args.bool("backup", false);
        boolean force = args.bool("force", true);
        boolean follow = args.bool("follow", false);
        // Ansible's choices are the characters themselves ("\r\n" in double quotes); '\r\n' spelled out also works.
        String sequence = args.string("newline_sequence").orElse("\n").replace("\\n", "\n").replace("\\r", "\r");
        if (!List.of("\n", "\r", "\r\n").contains(sequence)) {
            throw new ArgsException("value of newline_sequence must be one of: \\n, \\r, \\r\\n");
        }
        String encoding = args.string("output_encoding").orElse("utf-8");
        if (!encoding.equalsIgnoreCase("utf-8") && !encoding.equalsIgnoreCase("utf8")) {
            throw new ArgsException("output_encoding " + encoding + " is not supported by jprov (only utf-8)");
        }
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        Path local = context.findLocalFile("templates", src);
        Supplier<byte[]> rendered = () -> {
            String text = context.renderTemplate(local);
            if (!sequence.equals("\n")) text = text.replace("\n", sequence);
            return text.getBytes(StandardCharsets.UTF_8);
        };
        return new ContentCopy(dest, rendered, Optional.of(src), Optional.of(local.getFileName().toString()),
                attributes, backup, validate, force, follow, context.diff(), backup ? context.backupSuffix() : "");
    }
}
