package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * copy with a local directory as src: the directories of the tree made under dest (with directory_mode), then
 * each file copied as a single-file copy would be. Planned at once: the files of a directory that this copy
 * creates are planned as if it existed, which it will when the steps run in order.
 */
record TreeCopy(String dest, List<String> directories, Optional<String> directoryMode, List<ContentCopy> files)
        implements Invocation {

    @Override
    public List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String d : directories) probes.add(new Probe.FileInfo(d, false, true));
        for (ContentCopy f : files) probes.addAll(f.probes());
        return probes;
    }

    @Override
    public Planned plan(Facts facts) {
        List<Change> changes = new ArrayList<>();
        Map<Probe, Object> answers = new LinkedHashMap<>();
        for (ContentCopy f : files) for (Probe p : f.probes()) answers.put(p, answer(facts, p));
        for (String d : directories) {
            FileFacts current = facts.get(new Probe.FileInfo(d, false, true));
            if (current.type() == FileFacts.Type.DIRECTORY) continue;
            if (current.exists()) return Planned.failed(d + " exists and is not a directory", Map.of("dest", dest));
            Cmd mkdir = Cmd.of("mkdir", "-p", d);
            List<Step> steps = new ArrayList<>(List.of(Step.Exec.of(mkdir)));
            directoryMode.ifPresent(m -> steps.add(Step.Exec.of(Cmd.of("chmod", m, d))));
            FileFacts made = FileFacts.directory(d, directoryMode.orElse("0755"));
            changes.add(new Change(Action.CREATE, d, DictDiffText.diff(Map.of("path", d, "state", "absent"),
                    Map.of("path", d, "state", "directory")), steps, List.of(Resource.path(d)), List.of(made)));
            // The files below plan against the directory as this change leaves it.
            for (boolean hash : new boolean[] {false, true}) {
                for (boolean follow : new boolean[] {false, true}) answers.put(new Probe.FileInfo(d, hash, follow), made);
            }
        }
        Facts planned = new Facts(answers);
        boolean changed = !changes.isEmpty();
        for (ContentCopy f : files) {
            Planned p = f.plan(planned);
            if (p.outcome() != Planned.Outcome.OK) return p;
            changes.addAll(p.changes());
            changed |= p.changesHost();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dest", dest);
        result.put("changed", changed);
        return Planned.of(changes, result);
    }

    private static Object answer(Facts facts, Probe p) {
        return switch (p) {
            case Probe.FileInfo f -> facts.get(f);
            case Probe.Shell s -> facts.get(s);
            case Probe.FileContent c -> facts.get(c);
        };
    }
}
