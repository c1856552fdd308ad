package dev.jprov.engine;

import dev.jprov.modules.ArgsException;
import dev.jprov.playbook.Loop;
import dev.jprov.playbook.LoopControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expands loop: and with_*: into items with their variables (item / loop_var, index_var, ansible_loop). */
final class LoopItems {

    /** One item: its value, its label for output, and the task's variables with the item in them. */
    record Item(Object value, String label, Map<String, Object> vars) {}

    private final Templating templating;

    LoopItems(Templating templating) {
        this.templating = templating;
    }

    List<Item> items(Loop loop, Map<String, Object> vars) {
        Object rendered = templating.render(loop.items(), vars, loop.location());
        List<Object> values = switch (loop.lookup() == null ? "list" : loop.lookup()) {
            case "list" -> asList(rendered, loop);
            case "items" -> flattenOnce(asList(rendered, loop));
            case "dict" -> dictItems(rendered, loop);
            case "fileglob" -> fileglob(asList(rendered, loop), vars, loop);
            case "sequence" -> throw new ArgsException("with_sequence is not supported; use loop: \"{{ range(...) | list }}\"");
            default -> throw new ArgsException("with_" + loop.lookup() + " is not supported by jprov");
        };
        LoopControl control = loop.control() == null ? LoopControl.DEFAULT : loop.control();
        String loopVar = control.loopVar() == null ? "item" : control.loopVar();
        List<Item> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Map<String, Object> v = new LinkedHashMap<>(vars);
            v.put(loopVar, value);
            v.put("ansible_loop_var", loopVar);
            if (control.indexVar() != null) v.put(control.indexVar(), i);
            Map<String, Object> loopInfo = new LinkedHashMap<>();
            loopInfo.put("index", i + 1);
            loopInfo.put("index0", i);
            loopInfo.put("first", i == 0);
            loopInfo.put("last", i == values.size() - 1);
            loopInfo.put("length", values.size());
            loopInfo.put("revindex", values.size() - i);
            loopInfo.put("revindex0", values.size() - i - 1);
            v.put("ansible_loop", loopInfo);
            String label = control.label() == null ? templating.text(value)
                    : templating.text(templating.render(control.label(), v, loop.location()));
            out.add(new Item(value, label, v));
        }
        return out;
    }

    private List<Object> asList(Object rendered, Loop loop) {
        if (rendered instanceof List<?> l) return new ArrayList<>(l);
        if (rendered == null) return List.of();
        if (rendered instanceof String s && loop.lookup() != null) return new ArrayList<>(List.of(s.split(",")));
        throw new ArgsException("Invalid data passed to '" + loop.keyword()
                + "', it requires a list, got this instead: " + templating.text(rendered)
                + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup "
                + "invocation or use q/query instead of lookup.");
    }

    private static List<Object> flattenOnce(List<Object> in) {
        List<Object> out = new ArrayList<>();
        for (Object o : in) {
            if (o instanceof List<?> l) out.addAll(l);
            else out.add(o);
        }
        return out;
    }

    private List<Object> dictItems(Object rendered, Loop loop) {
        if (!(rendered instanceof Map<?, ?> m)) {
            throw new ArgsException("with_dict expects a dict, got: " + templating.text(rendered));
        }
        List<Object> out = new ArrayList<>();
        m.forEach((k, val) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", k);
            e.put("value", val);
            out.add(e);
        });
        return out;
    }

    /** with_fileglob is the template engine's fileglob lookup (role files/, role, playbook files/, playbook). */
    private List<Object> fileglob(List<Object> patterns, Map<String, Object> vars, Loop loop) {
        List<Object> out = new ArrayList<>();
        for (Object p : patterns) {
            Map<String, Object> v = new LinkedHashMap<>(vars);
            v.put("jprov_fileglob", p);
            if (templating.render("{{ query('fileglob', jprov_fileglob) }}", v, loop.location()) instanceof List<?> l) {
                out.addAll(l);
            }
        }
        return out;
    }
}
