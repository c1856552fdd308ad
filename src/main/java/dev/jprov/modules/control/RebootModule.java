package dev.jprov.modules.control;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellQuote;
import dev.jprov.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ansible's reboot (2.14: lib/ansible/plugins/action/reboot.py, options in lib/ansible/modules/reboot.py) for
 * FreeBSD hosts. It plans: it reads the boot time and finds the reboot command now, and its one change is a
 * {@link Step.Reboot} that the executor makes (alone, after the changes queued before it): FreeBSD's
 * {@code shutdown -r +{pre_reboot_delay}s "{msg}"}, then waiting for a new {@code kern.boottime} and a working
 * {@code test_command}, reconnecting on the same host key. Returns {@code rebooted} and {@code elapsed}.
 * Ansible's FreeBSD defaults: {@code shutdown} is found in {@code search_paths} only (default /sbin, /bin,
 * /usr/sbin, /usr/bin, /usr/local/sbin; PATH is not used, as Ansible's find), the boot time is
 * {@code /sbin/sysctl kern.boottime}, the test command {@code whoami}.
 * <p>Where it differs from Ansible, and why:
 * <ul>
 * <li>A failing boot-time command fails a {@code --check} run too: the probe is read-only, and a dry run says
 *     what the real one will. Otherwise check mode reports changed, rebooted and elapsed 0 without rebooting.</li>
 * <li>On a jail target it fails at once: the jail connection would run shutdown inside the jail, which cannot
 *     reboot anything; restarting a jail is the jail module's job (state: restarted), and rebooting its host is
 *     the host's reboot.</li>
 * </ul>
 */
public final class RebootModule implements Module {
    private static final Set<String> VALID = Set.of("boot_time_command", "connect_timeout", "msg",
            "post_reboot_delay", "pre_reboot_delay", "reboot_command", "reboot_timeout", "search_paths",
            "test_command");
    static final String DEFAULT_BOOT_TIME_COMMAND = "/sbin/sysctl kern.boottime"; // BOOT_TIME_COMMANDS['freebsd']
    static final List<String> DEFAULT_SEARCH_PATHS = List.of("/sbin", "/bin", "/usr/sbin", "/usr/bin", "/usr/local/sbin");
    static final String DEFAULT_TEST_COMMAND = "whoami";
    static final String DEFAULT_MESSAGE = "Reboot initiated by Ansible";
    static final long DEFAULT_REBOOT_TIMEOUT = 600;

    @Override
    public List<String> names() {
        return List.of("reboot", "ansible.builtin.reboot");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String action = args.module();
        // Ansible's action plugins check their options against _VALID_ARGS, with this message.
        Set<String> invalid = new TreeSet<>(args.raw().keySet());
        invalid.removeIf(k -> VALID.contains(k) || k.startsWith("_ansible_"));
        if (!invalid.isEmpty()) throw new ArgsException("Invalid options for " + action + ": " + String.join(",", invalid));

        long preDelay = Math.max(0, args.integer("pre_reboot_delay").orElse(0L));
        long postDelay = Math.max(0, args.integer("post_reboot_delay").orElse(0L));
        long timeout = args.integer("reboot_timeout").orElse(DEFAULT_REBOOT_TIMEOUT);
        Optional<Long> connectTimeout = args.integer("connect_timeout").filter(t -> t > 0);
        String test = args.string("test_command", DEFAULT_TEST_COMMAND);
        String msg = args.string("msg", DEFAULT_MESSAGE);
        String bootTime = args.string("boot_time_command").filter(c -> !c.isBlank()).orElse(DEFAULT_BOOT_TIME_COMMAND);
        Optional<String> rebootCommand = args.string("reboot_command");
        List<String> searchPaths = args.has("search_paths") ? args.list("search_paths") : DEFAULT_SEARCH_PATHS;
        args.finish();

        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("changed", false);
        refused.put("elapsed", 0);
        refused.put("rebooted", false);
        String connection = String.valueOf(context.vars().getOrDefault("ansible_connection", "ssh"));
        if (connection.equals("local") || connection.equals("ansible.builtin.local")) {
            return new Immediate(Planned.failed("Running " + action
                    + " with local connection would reboot the control node.", refused));
        }
        if (connection.equals("jail") || connection.equals("community.general.jail")) {
            return new Immediate(Planned.failed("Running " + action + " on a jail would not reboot anything: a jail"
                    + " is restarted with the jail module (state: restarted); reboot its host (jail_host) to"
                    + " reboot the machine.", refused));
        }

        // reboot_command: its first word is the program (found like shutdown), the rest its arguments as written.
        String program = rebootCommand.map(c -> c.strip().split(" ", 2)[0]).orElse("shutdown");
        if (program.isEmpty()) throw new ArgsException("Invalid value given for 'reboot_command': it is empty.");
        Optional<String> arguments = rebootCommand.map(c -> {
            String[] parts = c.strip().split(" ", 2);
            return parts.length > 1 ? parts[1] : "";
        });
        Settings settings = new Settings(action, program, arguments, searchPaths, preDelay, msg, bootTime, test,
                Duration.ofSeconds(timeout), connectTimeout.map(Duration::ofSeconds), Duration.ofSeconds(postDelay));
        return new RebootInvocation(settings);
    }

    /** The checked options. {@code arguments} present: the reboot_command's own arguments (shell text). */
    record Settings(String action, String program, Optional<String> arguments, List<String> searchPaths,
                    long preDelay, String msg, String bootTimeCommand, String testCommand, Duration timeout,
                    Optional<Duration> connectTimeout, Duration postDelay) {}

    /** Asks the boot time and where the reboot command is; plans the reboot from the answers. */
    record RebootInvocation(Settings s) implements Invocation {

        Probe.Shell bootTimeProbe() {
            // What it reads changes only with a boot, which makes every session forget its answers anyway.
            return new Probe.Shell(s.bootTimeCommand(), List.of());
        }

        Optional<Probe.Shell> lookupProbe() {
            if (s.program().startsWith("/")) return Optional.empty();
            // Ansible's find over search_paths (file_type any): the first directory holding the name wins.
            StringBuilder dirs = new StringBuilder();
            List<Resource> reads = new ArrayList<>();
            for (String d : s.searchPaths()) {
                String path = d.replaceAll("/+$", "") + "/" + s.program();
                dirs.append(' ').append(ShellQuote.quote(path));
                reads.add(Resource.path(path));
            }
            return Optional.of(new Probe.Shell("for jp_p in" + dirs + "; do if [ -e \"$jp_p\" ] || [ -h \"$jp_p\" ];"
                    + " then printf '%s\\n' \"$jp_p\"; break; fi; done", reads));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> out = new ArrayList<>();
            out.add(bootTimeProbe());
            lookupProbe().ifPresent(out::add);
            return out;
        }

        @Override
        public Planned plan(Facts facts) {
            ProbeAnswer boot = facts.get(bootTimeProbe());
            if (!boot.ok()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("changed", false);
                r.put("reboot", false); // sic: Ansible 2.14 sets "reboot", not "rebooted", on this failure
                return Planned.failed(s.action() + ": failed to get host boot time info, rc: " + boot.exitCode()
                        + ", stdout: " + boot.stdout() + ", stderr: " + boot.stderr(), r);
            }
            Optional<String> path = lookupProbe().isEmpty() ? Optional.of(s.program())
                    : Optional.of(facts.get(lookupProbe().get()))
                            .filter(ProbeAnswer::ok).map(a -> a.stdout().strip()).filter(p -> !p.isEmpty())
                            .map(p -> p.lines().findFirst().orElse(p));
            if (path.isEmpty()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("changed", false);
                r.put("rebooted", false);
                return Planned.failed("Unable to find command \"" + s.program() + "\" in search paths: "
                        + pythonList(s.searchPaths()), r);
            }
            Step.Reboot step = new Step.Reboot(command(path.get()), s.bootTimeCommand(), boot.stdout().strip(),
                    s.testCommand(), s.timeout(), s.connectTimeout(), s.postDelay());
            Change change = new Change(Action.UPDATE, "reboot", Diff.NONE, List.of(step), List.of(Resource.ANY));
            Map<String, Object> r = new LinkedHashMap<>();
            // What Ansible's check mode returns; a real run fills in what happened.
            r.put("elapsed", 0);
            r.put("rebooted", true);
            return Planned.of(List.of(change), r).withAfterApply(RebootInvocation::afterReboot);
        }

        /** FreeBSD's arguments (Ansible's SHUTDOWN_COMMAND_ARGS 'freebsd'), or reboot_command's own. */
        private String command(String path) {
            if (s.arguments().isPresent()) {
                String a = s.arguments().get();
                return a.isEmpty() ? ShellQuote.quote(path) : ShellQuote.quote(path) + " " + a;
            }
            // sbin/shutdown/shutdown.c: "+Ns" is a delay in seconds; the message goes to the users logged in.
            return Cmd.of(path, "-r", "+" + s.preDelay() + "s", s.msg()).toShell();
        }

        private static Map<String, Object> afterReboot(Map<String, Object> planned, List<StepResult> steps) {
            Map<String, Object> r = new LinkedHashMap<>(planned);
            if (steps.isEmpty()) return r;
            StepResult done = steps.getLast();
            r.put("elapsed", parseElapsed(done.stdout()));
            // Ansible: a failed reboot command did not reboot; a timeout happened after the host went down.
            r.put("rebooted", done.exitCode() != Step.Reboot.COMMAND_FAILED);
            return r;
        }

        private static long parseElapsed(String text) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** search_paths as Ansible prints it in its message: a Python list. */
        private static String pythonList(List<String> items) {
            List<String> quoted = items.stream().map(i -> "'" + i.replace("\\", "\\\\").replace("'", "\\'") + "'")
                    .toList();
            return "[" + String.join(", ", quoted) + "]";
        }
    }
}
