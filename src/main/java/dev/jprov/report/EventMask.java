package dev.jprov.report;

import dev.jprov.plan.Diff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An event with every piece of text it carries (titles, items, messages, diffs, commands, result values) passed
 * through a mask. The engine applies it once before any reporter sees an event, so the console, the JSON lines
 * and the Markdown review hide the run's vault secrets alike. Text is masked before it is formatted, so a secret
 * is hidden however a reporter escapes or wraps it.
 */
public final class EventMask {
    private EventMask() {}

    public static Event mask(Event event, UnaryOperator<String> mask) {
        return switch (event) {
            case Event.PlayStarted p -> new Event.PlayStarted(mask.apply(p.name()), p.hosts(), p.check());
            case Event.TaskResult r -> new Event.TaskResult(r.host(), r.taskKey(), mask.apply(r.title()), r.handler(),
                    r.status(), mask.apply(r.item()), mask.apply(r.message()), diffs(r.diffs(), mask),
                    r.commands().stream().map(mask).toList(), map(r.result(), mask), r.noLog(), r.showDiff());
            case Event.MetaRan m -> new Event.MetaRan(m.host(), m.taskKey(), mask.apply(m.title()),
                    m.warning() == null ? null : mask.apply(m.warning()));
            case Event.Warning w -> new Event.Warning(mask.apply(w.message()));
            case Event.Retrying r -> new Event.Retrying(r.host(), r.taskKey(), mask.apply(r.title()), r.retriesLeft());
            case Event.HostFinished h -> h;
            case Event.RunEnded e -> e;
        };
    }

    private static List<Diff> diffs(List<Diff> diffs, UnaryOperator<String> mask) {
        List<Diff> out = new ArrayList<>(diffs.size());
        for (Diff d : diffs) {
            out.add(new Diff(mask.apply(d.beforeHeader()), mask.apply(d.before()), mask.apply(d.afterHeader()),
                    mask.apply(d.after())));
        }
        return out;
    }

    private static Map<String, Object> map(Map<String, Object> m, UnaryOperator<String> mask) {
        if (m == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(mask.apply(k), value(v, mask)));
        return out;
    }

    private static Object value(Object v, UnaryOperator<String> mask) {
        return switch (v) {
            case String s -> mask.apply(s);
            case CharSequence cs -> {
                String text = cs.toString();
                String masked = mask.apply(text);
                yield masked.equals(text) ? cs : masked;
            }
            case Map<?, ?> m -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(k instanceof String s ? mask.apply(s) : k, value(x, mask)));
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                for (Object x : l) out.add(value(x, mask));
                yield out;
            }
            case null, default -> v;
        };
    }
}
