package dev.jprov.modules.files;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        boolean decrypt = args.bool("decrypt", true);
        // directory_mode as an octal mode (YAML 0755 arrives as 493); symbolic modes are not accepted here.
        Optional<String> directoryMode = args.value("directory_mode").flatMap(FileMode::parse).map(m -> {
            if (!(m instanceof FileMode.Octal o)) throw new ArgsException("directory_mode must be an octal mode");
            return FileMode.format(o.bits());
        });
        Optional<String> validate = TextEditPlan.checkValidate(args.string("validate"));
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (src.isPresent() && content.isPresent()) throw new ArgsException("src and content are mutually exclusive");
        if (src.isEmpty() && content.isEmpty()) throw new ArgsException("src (or content) is required");
        if (content.isPresent() && dest.endsWith("/")) throw new ArgsException("can not use content with a dir as dest");
        byte[] bytes;
        Optional<String> basename = Optional.empty();
        if (content.isPresent()) {
            bytes = new CopyContent(content.get()).bytes();
        } else {
            Path local = context.findLocalFile("files", src.get());
            if (Files.isDirectory(local)) {
                return tree(local, src.get(), dest, directoryMode, attributes, backup, validate, force, follow,
                        decrypt, context);
            }
            bytes = context.readLocalFile(local, decrypt);
            basename = Optional.of(local.getFileName().toString());
        }
        return new ContentCopy(dest, () -> bytes, src.map(s -> s), basename, attributes, backup, validate, force, follow,
                context.diff(), backup ? context.backupSuffix() : "");
    }

    /**
     * A local directory as src, as Ansible copies it: "dir/" puts what is in dir into dest, "dir" puts dir
     * itself into dest (dest/dir/...).
     */
    private static Invocation tree(Path local, String src, String dest, Optional<String> directoryMode,
                                   FileAttributes attributes, boolean backup, Optional<String> validate,
                                   boolean force, boolean follow, boolean decrypt, ModuleContext context) {
        String base = dest.endsWith("/") ? dest.substring(0, dest.length() - 1) : dest;
        String root = src.endsWith("/") ? base : base + "/" + local.getFileName();
        List<String> dirs = new ArrayList<>();
        List<ContentCopy> files = new ArrayList<>();
        dirs.add(root);
        try (java.util.stream.Stream<Path> walk = Files.walk(local)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(local)) continue;
                String remote = root + "/" + local.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    dirs.add(remote);
                } else if (Files.isRegularFile(p)) {
                    byte[] bytes = context.readLocalFile(p, decrypt);
                    files.add(new ContentCopy(remote, () -> bytes, Optional.of(src), Optional.empty(), attributes,
                            backup, validate, force, follow, context.diff(), backup ? context.backupSuffix() : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + local, e);
        }
        return new TreeCopy(root, dirs, directoryMode, files);
    }
}
