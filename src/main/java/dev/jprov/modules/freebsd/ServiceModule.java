package dev.jprov.modules.freebsd;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import dev.jprov.pyformat.Shlex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's service module as it works on FreeBSD: started/stopped/restarted/reloaded through service(8) with
 * the one* commands (so a service runs whether or not it is enabled), enabled=yes/no through sysrc RCVAR=YES|NO,
 * on the host or in a jail (service -j, sysrc -j). One probe asks {@code service NAME onestatus} and
 * {@code service NAME rcvar}, which names the rc.conf variable and its effective value (defaults, rc.conf and
 * rc.conf.d included). restarted and reloaded always change, as in Ansible; reloaded starts a stopped service.
 * A service whose rc.d script does not exist yet (its package is installed by an earlier task of the same check
 * run) is planned as stopped and disabled, so check mode shows the same changes as the real run; applying fails
 * with service(8)'s message if the script is still missing then.
 */
public final class ServiceModule implements Module {
    static final String NAME = "service";
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern RCVAR = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)=\"?([^\"\\n]*)\"?$");

    enum State { STARTED, STOPPED, RESTARTED, RELOADED }

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.service", "jprov.freebsd.service");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        Optional<String> stateArg = args.string("state");
        Optional<Boolean> enabled = args.bool("enabled");
        Optional<String> jail = args.string("jail");
        Optional<String> arguments = args.stringAliased("arguments", "args");
        args.finish();
        if (!SERVICE.matcher(name).matches()) {
            throw new ArgsException(NAME + ": name '" + name + "' is not an rc.d script name");
        }
        if (stateArg.isEmpty() && enabled.isEmpty()) {
            throw new ArgsException("one of the following is required: state, enabled");
        }
        Optional<State> state = stateArg.map(s -> switch (s) {
            case "started", "stopped", "restarted", "reloaded" -> State.valueOf(s.toUpperCase(Locale.ROOT));
            default -> throw new ArgsException("value of state must be one of: started, stopped, restarted, "
                    + "reloaded, got: " + s);
        });
        // Split as Ansible's run_command splits "service NAME ACTION ARGUMENTS" (shlex), then quoted word by word.
        List<String> extra = arguments.map(ServiceModule::words).orElse(List.of());
        return new ServiceCall(name, state, enabled, jail.map(j -> JailOperand.of(NAME, j)), extra);
    }

    private static List<String> words(String arguments) {
        try {
            return Shlex.split(arguments);
        } catch (Shlex.SplitException e) {
            throw new ArgsException(NAME + ": arguments: " + e.getMessage());
        }
    }

    record ServiceCall(String name, Optional<State> state, Optional<Boolean> enabled, Optional<JailOperand> jail,
                       List<String> extra) implements ShellProbeInvocation {

        Cmd service(String... args) {
            Cmd c = Cmd.of("service");
            if (jail.isPresent()) c = c.plus("-j", jail.get().value());
            return c.plus(name).plus(args);
        }

        String where() {
            return jail.map(j -> " in jail " + j).orElse("");
        }

        public Probe.Shell probe() {
            // service(8) exits 1 both for a missing script and a stopped service: the rcvar text tells them apart.
            String script = "jpf_svc=$(" + service("rcvar").toShell() + " 2>&1)\n"
                    + "case $jpf_svc in *'does not exist'*) echo @missing ;; esac\n"
                    + "echo @rcvar; printf '%s\\n' \"$jpf_svc\"\n"
                    + "echo @status; " + service("onestatus").toShell() + " >/dev/null 2>&1; echo \"@rc=$?\"";
            List<Resource> reads = jail.isPresent() ? List.of(Resource.ANY) : List.of(
                    new Resource(Resource.Kind.SERVICE, name), Resource.path("/etc/rc.conf"),
                    Resource.path("/etc/rc.conf.d"), Resource.path("/etc/rc.d/" + name),
                    Resource.path("/usr/local/etc/rc.d/" + name));
            return new Probe.Shell(ShellScript.create().raw(script).text(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            String out = a.stdout();
            boolean missing = out.contains("@missing\n");
            boolean running = !missing && out.contains("@rc=0");
            String rcvarName = name.replace('-', '_') + "_enable";
            String rcvarValue = "";
            int r = out.indexOf("@rcvar\n");
            int s = out.indexOf("@status");
            if (!missing && r >= 0 && s > r) {
                Matcher m = RCVAR.matcher(out.substring(r + 7, s));
                if (m.find()) {
                    rcvarName = m.group(1);
                    rcvarValue = m.group(2);
                }
            }
            boolean isEnabled = switch (rcvarValue.toUpperCase(Locale.ROOT)) {
                case "YES", "TRUE", "ON", "1" -> true;
                default -> false;
            };
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            jail.ifPresent(j -> result.put("jail", j.value()));
            List<Step> steps = new ArrayList<>();
            StringBuilder before = new StringBuilder();
            StringBuilder after = new StringBuilder();
            List<String> msg = new ArrayList<>();
            boolean writesRcConf = false;
            if (enabled.isPresent()) {
                before.append("enabled: ").append(rcvarName).append("=").append(isEnabled ? "YES" : "NO").append('\n');
                after.append("enabled: ").append(rcvarName).append("=").append(enabled.get() ? "YES" : "NO")
                        .append('\n');
                if (enabled.get() != isEnabled) {
                    Cmd sysrc = Cmd.of("sysrc");
                    if (jail.isPresent()) sysrc = sysrc.plus("-j", jail.get().value());
                    steps.add(Step.Exec.of(sysrc.plus(rcvarName + "=" + (enabled.get() ? "YES" : "NO"))));
                    msg.add((enabled.get() ? "enabled " : "disabled ") + name + where());
                    writesRcConf = true;
                }
                result.put("enabled", enabled.get());
            }
            if (state.isPresent()) {
                String was = missing ? "not installed" : running ? "running" : "stopped";
                before.append("state: ").append(was).append('\n');
                String verb = switch (state.get()) {
                    case STARTED -> running ? null : "onestart";
                    case STOPPED -> running ? "onestop" : null;
                    case RESTARTED -> "onerestart";
                    case RELOADED -> running ? "onereload" : "onestart";
                };
                if (verb != null) {
                    steps.add(Step.Exec.of(service(verb).plus(extra)));
                    msg.add(verb.substring(3) + " " + name + where());
                }
                boolean runsAfter = state.get() != State.STOPPED;
                after.append("state: ").append(runsAfter ? "running" : "stopped")
                        .append(verb != null && state.get() != State.STARTED && state.get() != State.STOPPED
                                ? " (" + verb.substring(3) + "ed)" : "").append('\n');
                result.put("state", state.get().name().toLowerCase(Locale.ROOT));
                result.put("status", Map.of("running", running, "installed", !missing));
            }
            String subject = "service " + name + where();
            if (steps.isEmpty()) return Planned.of(List.of(Change.none(subject)), result);
            List<Resource> writes = new ArrayList<>();
            if (jail.isPresent()) {
                writes.add(Resource.ANY);
            } else {
                writes.add(new Resource(Resource.Kind.SERVICE, name));
                if (writesRcConf) writes.add(Resource.path("/etc/rc.conf"));
            }
            boolean onlyRuns = !writesRcConf && state.isPresent()
                    && (state.get() == State.RESTARTED || state.get() == State.RELOADED);
            Action action = onlyRuns ? Action.RUN : Action.UPDATE;
            result.put("msg", String.join(", ", msg));
            Change c = new Change(action, subject, new Diff(subject, before.toString(), subject, after.toString()),
                    steps, writes);
            return Planned.of(List.of(c), result);
        }
    }
}
