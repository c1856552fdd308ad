package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Ansible's copy for single files: content or a local src (files/ of the role or playbook), to dest. */
public final class CopyModule implements Module {

    @Override
    public List<String> names() {
        return List.of("copy", "ansible.builtin.copy");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> src = args.string("src");
        Optional<Object> content = args.value("content");
        String dest = args.string("dest").orElseThrow(() -> new ArgsException("dest is required"));
        boolean backup = args.bool("backup", false);
        boolean force = args.bool("force", new String[] {"thirsty"}).orElse(true);
        boolean follow = args.bool("follow", false);
        args.bool("local_follow");
        if (args.bool("remote_src", false)) throw new ArgsException("remote_src=yes is not supported by jprov");
        args.bool("decrypt");
        args.string("directory_mode");
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (src.isPresent() && content.isPresent()) throw new ArgsException("src and content are mutually exclusive");
        if (src.isEmpty() && content.isEmpty()) throw new ArgsException("src (or content) is required");
        if (content.isPresent() && dest.endsWith("/")) throw new ArgsException("can not use content with a dir as dest");
        byte[] bytes;
        Optional<String> basename = Optional.empty();
        if (content.isPresent()) {
            bytes = contentBytes(content.get());
        } else {
            Path local = context.findLocalFile("files", src.get());
            if (Files.isDirectory(local)) {
                throw new ArgsException("copy of a directory (src: " + src.get()
                        + ") is not supported by jprov yet; copy its files one by one (with_fileglob or a loop)");
            }
            try {
                bytes = Files.readAllBytes(local);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + local, e);
            }
            basename = Optional.of(local.getFileName().toString());
        }
        return new ContentCopy(dest, () -> bytes, src.map(s -> s), basename, attributes, backup, validate, force, follow,
                context.diff(), backup ? context.backupSuffix() : "");
    }

    /** Ansible writes a string as is; other YAML values (a mapping, a list) as the JSON Ansible would dump. */
    private static byte[] contentBytes(Object v) {
        return String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }
}
