package dev.jprov.engine;

import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.facts.Sha256;
import dev.jprov.plan.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a host's latest probe rounds. An answer stays valid until a change that writes what its probe
 * reads is applied; then it is dropped and the next task that needs it probes again. This is what lets a no-op
 * run answer every task from one round trip.
 */
final class FactCache {
    private final Map<Probe, Object> answers = new HashMap<>();
    // What planned-but-not-made changes would leave (check mode), or will leave (queued changes of a real run,
    // only what is certain). They win over the host's answers, which describe the state before those changes.
    private final Map<Probe, Object> predicted = new HashMap<>();

    boolean hasAll(List<Probe> probes) {
        for (Probe p : probes) if (!answers.containsKey(p) && !predicted.containsKey(p)) return false;
        return true;
    }

    Map<Probe, Object> get(List<Probe> probes) {
        Map<Probe, Object> out = new HashMap<>();
        for (Probe p : probes) {
            Object a = predicted.containsKey(p) ? predicted.get(p) : answers.get(p);
            if (a == null) throw new IllegalStateException("probe not answered: " + p);
            out.put(p, a);
        }
        return out;
    }

    void putAll(Map<Probe, Object> fresh) {
        answers.putAll(fresh);
    }

    /**
     * The answers later probes of this path get once a change leaves {@code facts} there, whatever the host says.
     * {@code exactToo}: also for askers that report every field (stat), which only a simulation may guess.
     */
    static Map<Probe, Object> predictionsOf(FileFacts facts, boolean exactToo) {
        Map<Probe, Object> out = new HashMap<>();
        for (boolean hash : new boolean[] {false, true}) {
            for (boolean follow : new boolean[] {false, true}) {
                FileFacts f = hash ? facts : new FileFacts(facts.path(), facts.type(), facts.mode(), facts.uid(),
                        facts.gid(), facts.owner(), facts.group(), facts.size(), facts.mtime(),
                        java.util.Optional.empty(), facts.linkTarget());
                out.put(new Probe.FileInfo(facts.path(), hash, follow, false), f);
                if (exactToo) out.put(new Probe.FileInfo(facts.path(), hash, follow, true), f);
            }
        }
        return out;
    }

    /**
     * Real runs: what a queued whole-file write is certain to leave where the path is a regular file now (the write
     * keeps its mode, owner and group unless it sets them; size and hash are the content's), or nothing when that
     * is not certain. The times are not known: exact probes ask the host.
     */
    java.util.Optional<FileFacts> rewrite(Step.WriteFile w) {
        Probe.FileInfo self = new Probe.FileInfo(w.path(), false, false);
        Object now = predicted.containsKey(self) ? predicted.get(self) : answers.get(self);
        if (!(now instanceof FileFacts old) || old.type() != FileFacts.Type.FILE) return java.util.Optional.empty();
        String mode = old.mode();
        if (w.mode().isPresent()) {
            if (!w.mode().get().matches("[0-7]{1,4}")) return java.util.Optional.empty();
            mode = String.format("%04o", Integer.parseInt(w.mode().get(), 8));
        }
        if (w.owner().isPresent() && !w.owner().get().equals(old.owner())
                && !w.owner().get().equals(Integer.toString(old.uid()))) {
            return java.util.Optional.empty();
        }
        if (w.group().isPresent() && !w.group().get().equals(old.group())
                && !w.group().get().equals(Integer.toString(old.gid()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FileFacts(w.path(), FileFacts.Type.FILE, mode, old.uid(), old.gid(),
                old.owner(), old.group(), w.content().length, -1,
                java.util.Optional.of(Sha256.hex(w.content())),
                java.util.Optional.empty()));
    }

    /** Check mode: the answer a probe would get once the planned changes were made (a file's new content). */
    void predict(Probe probe, Object answer) {
        predicted.put(probe, answer);
    }

    /** Drops every answer whose probe reads something these writes change. */
    void invalidate(List<Resource> writes) {
        if (writes.isEmpty()) return;
        if (writes.stream().anyMatch(w -> w.kind() == Resource.Kind.ANY)) {
            // A command may have changed anything: ask the host again. Predictions stay: they describe what the
            // earlier planned changes leave, which the host (in check mode) cannot tell, and commands seldom undo.
            answers.clear();
            return;
        }
        answers.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.overlaps(r))));
        // A prediction is about one path's type and mode: writing below it (a file in a new directory) keeps it.
        predicted.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.covers(r))));
    }

    /**
     * Real runs: changes that write these are queued. Answers about what they write are stale from now on, except
     * {@code known} and {@code files}: what the changes are certain to leave, and the directories holding
     * {@code wholeFiles}, files the changes only rewrite whole. A command's "anything" drops every prediction too.
     */
    void expect(List<Resource> writes, Map<Probe, Object> known, List<FileFacts> files, List<String> wholeFiles) {
        Map<Probe, Object> parents = parentsKept(wholeFiles);
        invalidate(writes);
        if (writes.stream().anyMatch(w -> w.kind() == Resource.Kind.ANY)) predicted.clear();
        predicted.putAll(parents);
        predicted.putAll(known);
        for (FileFacts f : files) predicted.putAll(predictionsOf(f, false));
    }

    /**
     * The directories above files that are only rewritten whole (a temp file renamed in place): they stay
     * directories with their mode and owners, so what was known of them holds (for all but exact askers).
     */
    private Map<Probe, Object> parentsKept(List<String> wholeFiles) {
        Map<Probe, Object> out = new HashMap<>();
        if (wholeFiles.isEmpty()) return out;
        for (Map<Probe, Object> known : List.of(answers, predicted)) {
            known.forEach((probe, answer) -> {
                if (probe instanceof Probe.FileInfo f && !f.exact() && answer instanceof FileFacts d
                        && d.type() == FileFacts.Type.DIRECTORY
                        && wholeFiles.stream().allMatch(w -> !w.equals(f.path()))
                        && wholeFiles.stream().anyMatch(w -> Resource.path(f.path()).covers(Resource.path(w)))) {
                    out.put(probe, answer);
                }
            });
        }
        return out;
    }

    /** Real runs: the queued changes were made (or failed), so only the host can tell what they left. */
    void settle() {
        predicted.clear();
    }

    /** Drops predictions about what these writes change (a later change may leave the path otherwise). */
    void forgetPredictions(List<Resource> writes) {
        predicted.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> writes.stream().anyMatch(w -> w.covers(r))));
    }

    /**
     * Another session on the machine wrote (or, in check mode, would write): drops the answers and predictions
     * that may be stale for this session's file system, then takes what the writes predictably leave there.
     */
    void learn(MachineWrite write, FileSystem mine) {
        answers.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> write.makesStale(mine, r)));
        predicted.keySet().removeIf(p -> p.reads().stream().anyMatch(r -> write.overrides(mine, r)));
        if (mine.equals(write.fileSystem())) predicted.putAll(write.leaves());
    }

    /** Forgets the host's answers; check mode's predictions stay, the host cannot know them. */
    void clear() {
        answers.clear();
    }
}
