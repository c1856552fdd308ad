package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileContent;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.LocalHost;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Planning a module call against canned probe answers, for the table-style tests. */
final class Fixture {
    private Fixture() {}

    static final LocalHost.TestContext CONTEXT = LocalHost.TestContext.simple(Path.of("."));

    /** args from alternating keys and values, in order (YAML mappings keep order). */
    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Invocation prepare(Module module, Map<String, Object> args) {
        return module.prepare(new Args(module.names().get(0), args), CONTEXT);
    }

    /** Plans with the one probe of the call answered by {@code answer}. */
    /** Plans a module that asks one probe, with {@code answer} for it (a ProbeAnswer, FileFacts or FileContent). */
    static Planned plan(Module module, Map<String, Object> args, Object answer) {
        Invocation inv = prepare(module, args);
        List<Probe> probes = inv.probes();
        if (probes.size() != 1) throw new AssertionError("expected one probe, got " + probes);
        return inv.plan(new Facts(Map.of(probes.get(0), answer)));
    }

    static ProbeAnswer ok(String stdout) {
        return new ProbeAnswer(0, stdout, "");
    }

    /** What a content probe answers for a file holding {@code text}. */
    static FileContent text(String text) {
        return new FileContent.Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** od -An -v -tx1 output of a text, as a shell probe that reads a jail's file prints it. */
    static String od(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            s.append(String.format(" %02x", b[i] & 0xff));
            if (i % 16 == 15) s.append('\n');
        }
        return s.append('\n').toString();
    }

    static Action action(Planned p) {
        List<Action> actions = p.changes().stream().map(Change::action).distinct().toList();
        if (actions.size() != 1) throw new AssertionError("several actions: " + actions);
        return actions.get(0);
    }

    static String steps(Planned p) {
        List<String> out = new ArrayList<>();
        for (Change c : p.changes()) for (Step s : c.steps()) out.add(s.display());
        return String.join("\n", out);
    }

    static String before(Planned p) {
        return p.changes().stream().map(c -> c.diff().before()).collect(Collectors.joining());
    }

    static String after(Planned p) {
        return p.changes().stream().map(c -> c.diff().after()).collect(Collectors.joining());
    }
}
