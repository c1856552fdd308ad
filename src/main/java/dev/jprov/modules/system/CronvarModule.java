package dev.jprov.modules.system;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import dev.jprov.pyformat.PythonLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * community.general.cronvar: one NAME=value line of a user's crontab or a cron file, read and written as the
 * collection's module does (plugins/modules/cronvar.py): a new variable goes to the top, or next to the one named
 * by insertafter/insertbefore; the text is written as NAME=value with nothing quoted.
 */
public final class CronvarModule implements Module {
    static final String NAME = "cronvar";

    @Override
    public List<String> names() {
        return List.of("community.general.cronvar", NAME);
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        Optional<String> value = args.string("value");
        Optional<String> user = args.string("user");
        Optional<String> cronFile = args.string("cron_file");
        Optional<String> insertAfter = args.string("insertafter");
        Optional<String> insertBefore = args.string("insertbefore");
        boolean present = args.choice("state", "present", "absent", "present").equals("present");
        boolean backup = args.bool("backup", false);
        args.finish();
        if (insertAfter.isPresent() && insertBefore.isPresent()) {
            throw new ArgsException("parameters are mutually exclusive: insertbefore|insertafter");
        }
        if (value.isEmpty() && present) throw new ArgsException("You must specify 'value' to insert a new cron variable");
        if (cronFile.isPresent() && cronFile.get().isEmpty()) throw new ArgsException(NAME + ": cron_file must not be empty");
        return new CronvarCall(name, value, present, insertAfter, insertBefore, CrontabSource.of(user, cronFile),
                cronFile, backup ? Optional.of("/tmp/cronvar" + context.backupSuffix()) : Optional.empty());
    }

    record CronvarCall(String name, Optional<String> value, boolean present, Optional<String> insertAfter,
                       Optional<String> insertBefore, CrontabSource source, Optional<String> cronFile,
                       Optional<String> backupFile) implements CrontabCall {
        @Override
        public Planned plan(String existing) {
            List<String> lines = new ArrayList<>(PythonLines.splitlines(existing));
            try {
                Optional<String> old = find(lines);
                boolean changed = false;
                String decl = name + "=" + value.orElse("");
                if (present) {
                    if (old.isEmpty()) {
                        lines = add(lines, decl);
                        changed = true;
                    } else if (!old.get().equals(value.get())) {
                        lines = replace(lines, Optional.of(decl));
                        changed = true;
                    }
                } else if (old.isPresent()) {
                    lines = replace(lines, Optional.empty());
                    changed = true;
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("vars", names(lines));
                if (!changed) {
                    cronFile.ifPresent(f -> result.put("cron_file", f));
                    return Planned.of(List.of(Change.none(source.header() + ": " + name)), result);
                }
                String after = render(lines);
                List<Step> steps = new ArrayList<>();
                backupFile.ifPresent(b -> {
                    steps.add(source.backup(render(PythonLines.splitlines(existing)), b));
                    result.put("backup_file", b);
                });
                steps.addAll(source.install(after));
                cronFile.ifPresent(f -> result.put("cron_file", f));
                Action action = !present ? Action.DELETE : old.isEmpty() ? Action.CREATE : Action.UPDATE;
                // cronvar returns no diff, so Ansible's -D shows none
                Change c = new Change(action, source.header() + ": " + name, Diff.NONE, steps,
                        List.of(source.resource()));
                return Planned.of(List.of(c), result);
            } catch (CronVarLine.Unparsable e) {
                return Planned.failed(e.getMessage(), Map.of());
            }
        }

        private Optional<String> find(List<String> lines) {
            for (String l : lines) {
                Optional<CronVarLine> v = CronVarLine.parse(l);
                if (v.isPresent() && v.get().name().equals(name)) return Optional.of(v.get().value());
            }
            return Optional.empty();
        }

        private List<String> add(List<String> lines, String decl) {
            List<String> out = new ArrayList<>();
            if (insertAfter.isEmpty() && insertBefore.isEmpty()) {
                out.add(decl);
                out.addAll(lines);
                return out;
            }
            for (String l : lines) {
                Optional<CronVarLine> v = CronVarLine.parse(l);
                if (v.isPresent() && insertBefore.isPresent() && v.get().name().equals(insertBefore.get())) {
                    out.add(decl);
                    out.add(l);
                } else if (v.isPresent() && insertAfter.isPresent() && v.get().name().equals(insertAfter.get())) {
                    out.add(l);
                    out.add(decl);
                } else {
                    out.add(l);
                }
            }
            return out;
        }

        private List<String> replace(List<String> lines, Optional<String> decl) {
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                Optional<CronVarLine> v = CronVarLine.parse(l);
                if (v.isPresent() && v.get().name().equals(name)) decl.ifPresent(out::add);
                else out.add(l);
            }
            return out;
        }

        private static List<String> names(List<String> lines) {
            return lines.stream().map(CronVarLine::parse).flatMap(Optional::stream).map(CronVarLine::name).toList();
        }

        /** cronvar's render: the lines joined, a newline added when the text does not end with one. */
        private static String render(List<String> lines) {
            String result = String.join("\n", lines);
            if (!result.isEmpty() && !result.endsWith("\n") && !result.endsWith("\r")) result += "\n";
            return result;
        }
    }
}
