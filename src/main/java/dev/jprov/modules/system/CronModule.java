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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's cron (ansible-core 2.14, lib/ansible/modules/cron.py): one job or one variable of a user's crontab
 * (through crontab(1)) or of a cron file, named by its "#Ansible: NAME" comment. The text it leaves is what
 * Ansible's module leaves, line for line; on FreeBSD a cron file carries the user field as /etc/crontab does.
 */
public final class CronModule implements Module {
    static final String NAME = "cron";
    private static final List<String> SPECIAL = List.of("reboot", "yearly", "annually", "monthly", "weekly", "daily",
            "hourly");

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.cron");
    }

    /** The checked arguments, as the module's argument_spec gives them. */
    record Request(String name, Optional<String> user, Optional<String> job, Optional<String> cronFile,
                   boolean present, boolean backup, List<String> times, Optional<String> special, boolean disabled,
                   boolean env, Optional<String> insertAfter, Optional<String> insertBefore) {}

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        Optional<String> user = args.string("user");
        Optional<String> job = args.stringAliased("job", "value");
        Optional<String> cronFile = args.string("cron_file");
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        boolean backup = args.bool("backup", false);
        List<String> times = List.of(args.string("minute", "*"), args.string("hour", "*"),
                args.stringAliased("day", "dom").orElse("*"), args.string("month", "*"),
                args.stringAliased("weekday", "dow").orElse("*"));
        Optional<String> special = args.has("special_time")
                ? Optional.of(args.choice("special_time", null, SPECIAL.toArray(String[]::new))) : Optional.empty();
        boolean disabled = args.bool("disabled", false);
        boolean env = args.bool("env", false);
        Optional<String> insertAfter = args.string("insertafter");
        Optional<String> insertBefore = args.string("insertbefore");
        args.finish();
        if (insertAfter.isPresent() && insertBefore.isPresent()) {
            throw new ArgsException("parameters are mutually exclusive: insertafter|insertbefore");
        }
        if (cronFile.isPresent()) {
            if (cronFile.get().isEmpty()) throw new ArgsException(NAME + ": cron_file must not be empty");
            if (cronFile.get().equals("/etc/crontab")) {
                throw new ArgsException("Will not manage /etc/crontab via cron_file, see documentation.");
            }
        }
        if (special.isPresent() && times.stream().anyMatch(t -> !t.equals("*"))) {
            throw new ArgsException("You must specify time and date fields or special time.");
        }
        if (present) {
            if (cronFile.isPresent() && user.isEmpty()) {
                throw new ArgsException("To use cron_file=... parameter you must specify user=... as well");
            }
            if (job.isEmpty()) throw new ArgsException("You must specify 'job' to install a new cron job or variable");
            if ((insertAfter.isPresent() || insertBefore.isPresent()) && !env) {
                throw new ArgsException("Insertafter and insertbefore parameters are valid only with env=yes");
            }
        }
        if (env && name.contains(" ")) throw new ArgsException("Invalid name for environment variable");
        Request r = new Request(name, user, job, cronFile, present, backup, times, special, disabled, env,
                insertAfter, insertBefore);
        return new CronCall(r, CrontabSource.of(user, cronFile), context.diff(),
                backup ? Optional.of("/tmp/crontab" + context.backupSuffix()) : Optional.empty());
    }

    record CronCall(Request r, CrontabSource source, boolean diffMode, Optional<String> backupFile)
            implements CrontabCall {
        @Override
        public Planned plan(String existing) {
            CronTabLines tab = new CronTabLines(existing);
            List<String> warnings = new ArrayList<>();
            r.cronFile().ifPresent(f -> {
                String base = f.substring(f.lastIndexOf('/') + 1);
                if (!base.matches("(?i)^[A-Z0-9_-]+$")) {
                    warnings.add("Filename portion of cron_file (\"" + base + "\") should consist solely of upper- "
                            + "and lower-case letters, digits, underscores, and hyphens");
                }
            });
            boolean changed;
            if (r.env()) {
                Optional<String> missing = r.insertAfter().or(r::insertBefore);
                try {
                    changed = editVariable(tab);
                } catch (IllegalStateException notFound) {
                    return Planned.failed("Variable named '" + missing.orElse("") + "' not found.", Map.of());
                }
            } else if (r.present()) {
                changed = editJob(tab, warnings);
            } else {
                changed = !tab.findJob(r.name(), Optional.empty()).isEmpty();
                if (changed) tab.updateJob(r.name(), Optional.empty());
                if (changed && source instanceof CrontabSource.CronFile file && tab.isEmpty()) {
                    return removeFile(file, existing);
                }
            }
            // no change to the job or variable, but the crontab needs its final newline
            if (!changed && !existing.isEmpty() && !existing.endsWith("\n") && !existing.endsWith("\r")) {
                changed = true;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("jobs", tab.jobNames());
            result.put("envs", tab.envNames());
            if (!warnings.isEmpty()) result.put("warnings", warnings);
            if (!changed) {
                r.cronFile().ifPresent(f -> result.put("cron_file", f));
                return Planned.of(List.of(Change.none(source.header())), result);
            }
            return rewrite(existing, tab.render(), result);
        }

        /** env=yes: NAME="job" added, replaced or removed; throws IllegalStateException when insertafter/before names nothing. */
        private boolean editVariable(CronTabLines tab) {
            String decl = r.name() + "=\"" + r.job().orElse("") + "\"";
            Optional<Integer> old = tab.findEnv(r.name());
            if (!r.present()) {
                old.ifPresent(o -> tab.updateEnv(r.name(), Optional.empty()));
                return old.isPresent();
            }
            if (old.isEmpty()) {
                if (!tab.addEnv(decl, r.insertAfter(), r.insertBefore())) throw new IllegalStateException();
                return true;
            }
            if (tab.line(old.get()).equals(decl)) return false;
            tab.updateEnv(r.name(), Optional.of(decl));
            return true;
        }

        /** The job under its name: added, rewritten when its line differs, or given its comment. */
        private boolean editJob(CronTabLines tab, List<String> warnings) {
            String stripped = r.job().get().replaceAll("^[\r\n]+|[\r\n]+$", "");
            if (stripped.indexOf('\r') >= 0 || stripped.indexOf('\n') >= 0) warnings.add("Job should not contain line breaks");
            String job = jobLine(stripped);
            List<Object> old = tab.findJob(r.name(), Optional.of(job));
            if (old.isEmpty()) {
                tab.addJob(r.name(), job);
                return true;
            }
            if (!old.get(1).equals(job) || old.size() > 2) {
                tab.updateJob(r.name(), Optional.of(job));
                return true;
            }
            return false;
        }

        /** The crontab rewritten: its diff (in diff mode, as Ansible's result has it), backup and install steps. */
        private Planned rewrite(String existing, String after, Map<String, Object> result) {
            if (diffMode) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("before", existing);
                diff.put("before_header", source.header());
                diff.put("after", after);
                diff.put("after_header", source.header());
                result.put("diff", diff);
            }
            List<Step> steps = new ArrayList<>();
            backupFile.ifPresent(b -> {
                steps.add(source.backup(existing, b));
                result.put("backup_file", b);
            });
            steps.addAll(source.install(after));
            r.cronFile().ifPresent(f -> result.put("cron_file", f));
            Action action = existing.isEmpty() ? Action.CREATE : Action.UPDATE;
            Change c = new Change(action, source.header(), new Diff(source.header(), existing, source.header(), after),
                    steps, List.of(source.resource()));
            return Planned.of(List.of(c), result);
        }

        /** get_cron_job: the line as Ansible writes it; a cron file's has the user field. */
        private String jobLine(String job) {
            String prefix = r.disabled() ? "#" : "";
            String user = source instanceof CrontabSource.CronFile ? " " + r.user().orElse("") : "";
            if (r.special().isPresent()) return prefix + "@" + r.special().get() + user + " " + job;
            return prefix + String.join(" ", r.times()) + user + " " + job;
        }

        /** The last job of a cron file is gone: Ansible removes the file and returns early. */
        private Planned removeFile(CrontabSource.CronFile file, String existing) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("cron_file", r.cronFile().get());
            result.put("state", "absent");
            Map<String, Object> diff = new LinkedHashMap<>();
            if (diffMode) {
                diff.put("before", existing);
                diff.put("before_header", file.path());
                diff.put("after", "");
                diff.put("after_header", "/dev/null");
            }
            result.put("diff", diff);
            Change c = new Change(Action.DELETE, file.path(), new Diff(file.path(), existing, "/dev/null", ""),
                    List.of(file.remove()), List.of(file.resource()));
            return Planned.of(List.of(c), result);
        }
    }
}
