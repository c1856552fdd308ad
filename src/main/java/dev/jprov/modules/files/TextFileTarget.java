package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The file lineinfile and blockinfile edit: what they probe (the path itself, what it points to, and its bytes)
 * and where they write (the real file behind a symlink, as Ansible's os.path.realpath does).
 */
public record TextFileTarget(String path) {

    /**
     * The invocation of an edit of this file: its probes, and a plan made from what is there by {@code plan}
     * (a directory at the path fails, as in Ansible).
     */
    Invocation edit(Function<State, Planned> plan) {
        return new Invocation() {
            @Override
            public List<Probe> probes() {
                return TextFileTarget.this.probes();
            }

            @Override
            public Planned plan(Facts facts) {
                State state = read(facts);
                if (state.isDirectory()) return TextEditPlan.failed("Path " + path + " is a directory !", 256);
                return plan.apply(state);
            }
        };
    }

    Probe.FileInfo link() {
        return new Probe.FileInfo(path, false, false);
    }

    Probe.FileInfo followed() {
        return new Probe.FileInfo(path, false, true);
    }

    Probe.FileContent content() {
        return Probe.FileContent.whole(path);
    }

    public List<Probe> probes() {
        return List.of(link(), followed(), content());
    }

    /** What is there now, read from the facts. */
    public State read(Facts facts) {
        FileFacts self = facts.get(link());
        FileFacts target = facts.get(followed());
        String real = path;
        if (self.type() == FileFacts.Type.LINK && self.linkTarget().isPresent()) {
            String t = self.linkTarget().get();
            real = t.startsWith("/") ? t : parent(path) + "/" + t;
        }
        Optional<byte[]> bytes = target.type() == FileFacts.Type.FILE
                ? facts.content(content()) : Optional.empty();
        return new State(real, new FileFacts(real, target.type(), target.mode(), target.uid(), target.gid(),
                target.owner(), target.group(), target.size(), target.mtime(), target.sha256(), target.linkTarget()),
                bytes);
    }

    /** @param realPath where writes go; @param facts of the file behind the path; @param content its bytes if a file */
    public record State(String realPath, FileFacts facts, Optional<byte[]> content) {
        public boolean isDirectory() {
            return facts.type() == FileFacts.Type.DIRECTORY;
        }

        public boolean exists() {
            return facts.type() != FileFacts.Type.ABSENT;
        }

        /** The bytes as a one-char-per-byte string, the form the edits work on. */
        public Optional<String> latin1() {
            return content.map(b -> new String(b, StandardCharsets.ISO_8859_1));
        }
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) return ".";
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** mkdir -p of the parent, for create=yes on a path whose directory may be missing (Ansible's makedirs). */
    static Step makeParent(String path) {
        return Step.Exec.of(Cmd.of("mkdir", "-p", "--", parent(path)));
    }

    static String latin1(String utf8) {
        return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
