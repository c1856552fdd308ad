package dev.jprov.engine;

import dev.jprov.facts.FileContent;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Sha256;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check mode's view of what planned changes would leave on a host, so that later tasks of a dry run plan as
 * the real run's would: the modules' own predictions (a created directory), and every file a step writes whole
 * (its type, size and hash, and its content for probes that read it). A real run uses the contents, which are
 * certain, for changes it has queued.
 */
final class CheckModePredictions {
    private CheckModePredictions() {}

    /** What the planned changes would leave: the modules' predictions, and every file a step writes whole. */
    static List<FileFacts> files(List<Planned> plans) {
        List<FileFacts> out = new ArrayList<>();
        for (Planned p : plans) {
            if (p == null) continue;
            for (Change ch : p.changes()) {
                out.addAll(ch.predicted());
                for (Step s : ch.steps()) {
                    if (s instanceof Step.WriteFile w) {
                        out.add(new FileFacts(w.path(), FileFacts.Type.FILE, w.mode().orElse("0644"), -1, -1,
                                w.owner().orElse(""), w.group().orElse(""), w.content().length, 0,
                                java.util.Optional.of(Sha256.hex(w.content())), java.util.Optional.empty()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * What a later content read (lineinfile, blockinfile, a diff) of a file a step writes whole would answer (check
     * mode) or will answer (a queued write), so that "create the file, then edit it" plans without asking the host.
     */
    static Map<Probe, Object> contents(List<Planned> plans) {
        Map<Probe, Object> out = new LinkedHashMap<>();
        for (Planned p : plans) {
            if (p == null) continue;
            for (Change ch : p.changes()) {
                for (Step s : ch.steps()) {
                    if (!(s instanceof Step.WriteFile w)) continue;
                    for (Probe.FileContent read : List.of(Probe.FileContent.whole(w.path()),
                            Probe.FileContent.forDiff(w.path()))) {
                        out.put(read, FileContent.of(read, w.content()));
                    }
                }
            }
        }
        return out;
    }
}
