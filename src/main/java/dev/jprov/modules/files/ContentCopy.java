package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Sha256;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * copy and template after their arguments are read: put {@code content} at {@code dest}, comparing by sha256
 * so unchanged content is never sent. A dest ending in "/" or naming a directory gets {@code basename} appended
 * (src only). The old content is probed only with --diff, and only its first 100 KiB: without -D a no-op costs
 * nothing beyond the batched stat+sha256; with -D one od per file, still in the same round trip, since the hash
 * comparison and the read cannot be two rounds without doubling every diff run's latency.
 */
record ContentCopy(String dest, Supplier<byte[]> contentSource, Optional<String> src, Optional<String> basename,
                   FileAttributes attributes, boolean backup, Optional<String> validate, boolean force,
                   boolean follow, boolean diff, String backupSuffix) implements Invocation {

    private String directFile() {
        return dest.endsWith("/") && basename.isPresent() ? dest + basename.get() : dest;
    }

    private Optional<String> insideDirectory() {
        if (dest.endsWith("/") || basename.isEmpty()) return Optional.empty();
        return Optional.of(dest + "/" + basename.get());
    }

    @Override
    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        addFor(probes, directFile());
        insideDirectory().ifPresent(p -> addFor(probes, p));
        probes.add(new Probe.FileInfo(TextFileTarget.parent(directFile()), false, true));
        return probes;
    }

    private void addFor(List<Probe> probes, String path) {
        probes.add(new Probe.FileInfo(path, true, follow));
        if (follow) probes.add(new Probe.FileInfo(path, false, false));
        if (diff) probes.add(Probe.FileContent.forDiff(path));
    }

    @Override
    public Planned plan(Facts facts) {
        // Produced only now: a template renders with the facts of this run, while its probes (dest, parent) can be
        // asked ahead of time, in the host's first probe round.
        byte[] content = contentSource.get();
        String file = directFile();
        FileFacts current = facts.get(new Probe.FileInfo(file, true, follow));
        if (current.type() == FileFacts.Type.DIRECTORY) {
            if (insideDirectory().isEmpty()) {
                return Planned.failed("can not use content with a dir as dest", Map.of());
            }
            file = insideDirectory().get();
            current = facts.get(new Probe.FileInfo(file, true, follow));
        } else if (!current.exists()) {
            FileFacts parent = facts.get(new Probe.FileInfo(TextFileTarget.parent(file), false, true));
            if (parent.type() != FileFacts.Type.DIRECTORY) {
                return Planned.failed("Destination directory " + TextFileTarget.parent(file) + " does not exist",
                        Map.of());
            }
        }
        if (current.type() == FileFacts.Type.DIRECTORY) {
            return Planned.failed("dest " + file + " is not a regular file", Map.of());
        }
        String writePath = file;
        if (follow) {
            FileFacts self = facts.get(new Probe.FileInfo(file, false, false));
            if (self.type() == FileFacts.Type.LINK && self.linkTarget().isPresent()) {
                String t = self.linkTarget().get();
                writePath = t.startsWith("/") ? t : TextFileTarget.parent(file) + "/" + t;
            }
        }
        ExistingFile found = ExistingFile.of(current);
        boolean exists = found.exists();
        // A special file (/dev/null, a FIFO) has no checksum, so it always differs and is replaced, as in Ansible.
        boolean differs = !found.comparable()
                || !current.sha256().map(Sha256.hex(content)::equals).orElse(false);
        if (exists && !force) differs = false;
        // Only a regular file's old text is read: Ansible's diff shows /dev/null as empty, and reading a FIFO or
        // /dev/zero would block or never end.
        Optional<byte[]> before = Optional.empty();
        if (diff && found.comparable() && differs) {
            before = facts.content(Probe.FileContent.forDiff(file));
        }
        FileFacts target = new FileFacts(writePath, current.type(), current.mode(), current.uid(), current.gid(),
                current.owner(), current.group(), current.size(), current.mtime(), current.sha256(),
                current.linkTarget());
        FileWrite write = new FileWrite(writePath, content, attributes, validate,
                backup ? Optional.of(backupSuffix) : Optional.empty());
        FileWrite.Outcome out = write.plan(target, differs, ContentDiff.ofWholeFile(file, before, content));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dest", file);
        src.ifPresent(s -> r.put("src", s));
        r.put("checksum", ContentHashes.sha1(content));
        if (out.contentChanged()) r.put("md5sum", ContentHashes.md5(content));
        if (!out.contentChanged()) r.put("path", file);
        r.put("size", exists && !differs ? current.size() : content.length);
        r.put("state", "file");
        r.put("mode", FileMode.format(out.mode()));
        if (out.owner() != null) r.put("owner", out.owner());
        if (out.group() != null) r.put("group", out.group());
        if (exists && attributes.owner().isEmpty()) r.put("uid", current.uid());
        if (exists && attributes.group().isEmpty()) r.put("gid", current.gid());
        out.backupFile().ifPresent(b -> r.put("backup_file", b));
        return Planned.of(out.changes(), r);
    }
}
