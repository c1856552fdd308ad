package dev.jprov.modules.files;

import dev.jprov.facts.FileFacts;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Putting whole-file content in place, shared by copy, template, lineinfile and blockinfile: one atomic
 * WriteFile when the content differs (mode and owner set on the temp file), else chmod/chown for attributes
 * that differ, else a no-op.
 */
public record FileWrite(String path, byte[] content, FileAttributes attributes, Optional<String> validate,
                        Optional<String> backupSuffix) {

    /** The outcome: the changes and what the module reports about them. */
    public record Outcome(List<Change> changes, boolean contentChanged, boolean attributesChanged,
                          Optional<String> backupFile, int mode, Object owner, Object group) {
        public boolean changed() {
            return contentChanged || attributesChanged;
        }
    }

    /**
     * @param current the facts of the path (a regular file, a special file the write replaces, or nothing)
     * @param differs whether the content on the host differs from {@link #content}
     * @param contentDiff the diff to show when it does
     */
    public Outcome plan(FileFacts current, boolean differs, Diff contentDiff) {
        ExistingFile found = ExistingFile.of(current);
        boolean exists = found.exists();
        if (differs || !exists) {
            // Only a regular file is backed up: the executor copies it with cp -p, and a device's or FIFO's
            // "content" is a stream that may never end.
            Optional<String> backup = found.comparable() ? backupSuffix : Optional.empty();
            Step.WriteFile write = new Step.WriteFile(path, content, attributes.writeMode(current),
                    attributes.owner(), attributes.group(), validate, backup);
            Change change = new Change(exists ? Action.UPDATE : Action.CREATE, path, contentDiff, List.of(write),
                    List.of(Resource.path(path)));
            int mode = attributes.writeMode(current).map(m -> Integer.parseInt(m, 8))
                    .orElse(exists ? FileMode.parseFacts(current.mode()) : 0666 & ~FileMode.ASSUMED_UMASK);
            return new Outcome(List.of(change), true, false, backup.map(s -> path + s), mode,
                    attributes.owner().<Object>map(o -> o).orElse(exists ? current.owner() : null),
                    attributes.group().<Object>map(g -> g).orElse(exists ? current.group() : null));
        }
        FileAttributes.Delta delta = attributes.delta(current);
        int mode = attributes.targetMode(current).orElse(FileMode.parseFacts(current.mode()));
        Object owner = attributes.owner().<Object>map(o -> o).orElse(current.owner());
        Object group = attributes.group().<Object>map(g -> g).orElse(current.group());
        if (delta.isEmpty()) {
            return new Outcome(List.of(Change.none(path)), false, false, Optional.empty(), mode, owner, group);
        }
        Map<String, Object> before = new LinkedHashMap<>(Map.of("path", path));
        before.putAll(delta.before());
        Map<String, Object> after = new LinkedHashMap<>(Map.of("path", path));
        after.putAll(delta.after());
        Change change = new Change(Action.UPDATE, path, DictDiffText.diff(before, after),
                delta.steps(), List.of(Resource.path(path)));
        return new Outcome(List.of(change), false, true, Optional.empty(), mode, owner, group);
    }
}
