package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Ansible's tempfile: a new file (mode 0600) or directory (0700) named prefix + 8 random characters + suffix, in
 * {@code path} or the host's temporary directory (TMPDIR, TEMP or TMP, else /tmp, as Python's gettempdir). The
 * name is chosen here, as Python's mkstemp/mkdtemp choose it (letters, digits and _), and made on the host with
 * an exclusive create ({@code set -C} for a file, mkdir for a directory), so an existing name fails instead of
 * being reused; FreeBSD's mktemp(1) cannot put a suffix after its X's, so it is not used. The result carries the
 * path and its file attributes, as the module's exit_json adds them.
 */
public final class TempfileModule implements Module {
    private static final String NAMES = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private static final Probe.Shell TMPDIR = new Probe.Shell(
            "printf '%s\\n' \"${TMPDIR:-${TEMP:-${TMP:-/tmp}}}\"", List.of());

    private final RandomGenerator random;

    public TempfileModule() {
        this(new SecureRandom());
    }

    /** With a given source of names (tests). */
    public TempfileModule(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public List<String> names() {
        return List.of("tempfile", "ansible.builtin.tempfile");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        boolean directory = args.choice("state", "file", "file", "directory").equals("directory");
        String path = args.string("path").orElse(null);
        String prefix = args.string("prefix", "ansible.");
        String suffix = args.string("suffix", "");
        args.finish();
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) name.append(NAMES.charAt(random.nextInt(NAMES.length())));
        name.append(suffix);
        return new Invocation() {
            @Override
            public List<Probe> probes() {
                return path == null ? List.of(TMPDIR) : List.of();
            }

            @Override
            public Planned plan(Facts facts) {
                String dir = path != null ? path : ((ProbeAnswer) facts.get(TMPDIR)).stdout().strip();
                String target = (dir.endsWith("/") ? dir : dir + "/") + name;
                return planCreate(target, directory);
            }
        };
    }

    private static Planned planCreate(String target, boolean directory) {
        // the step itself succeeds; a create that failed is told on stdout, and the module fails the task with
        // mkstemp's words and changed: false
        ShellScript script = ShellScript.create()
                .line(directory ? "if e=$(mkdir -m 0700 -- {} 2>&1); then" : "if e=$( (umask 077; set -C; : > {}) 2>&1); then",
                        target)
                .line("ls -ldn -- {} && ls -ld -- {}", target, target)
                .raw("else printf 'error %s\\n' \"$e\"; fi");
        Step step = new Step.Exec(script.text(), (directory ? "mkdir -m 0700 " : "create 0600 ") + target, true);
        Change change = new Change(Action.CREATE, target, Diff.NONE, List.of(step), List.of(Resource.path(target)));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", target);
        return Planned.of(List.of(change), r).withAfterApply((planned, steps) -> applied(planned, steps, target,
                directory));
    }

    /** The result after the step: the path's attributes (owner, mode, size ...), or mkstemp's error. */
    private static Map<String, Object> applied(Map<String, Object> planned, List<StepResult> steps, String target,
                                               boolean directory) {
        Map<String, Object> r = new LinkedHashMap<>(planned);
        StepResult s = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (s == null) return r;
        String[] lines = s.stdout().split("\n");
        if (s.exitCode() != 0 || lines.length < 2 || lines[0].startsWith("error ")) {
            r.remove("path"); // fail_json gives no path
            r.put("changed", false);
            r.put("failed", true);
            r.put("msg", pythonError(s.stdout() + s.stderr(), target));
            return r;
        }
        String[] numeric = lines[0].trim().split("\\s+");
        String[] named = lines[1].trim().split("\\s+");
        r.put("gid", Integer.parseInt(numeric[3]));
        r.put("group", named[3]);
        r.put("mode", octal(numeric[0]));
        r.put("owner", named[2]);
        r.put("size", Long.parseLong(numeric[4]));
        r.put("state", directory ? "directory" : "file");
        r.put("uid", Integer.parseInt(numeric[2]));
        return r;
    }

    /** ls -l's permission string (-rw-------) as Ansible's four-digit octal mode (0600). */
    static String octal(String perms) {
        int bits = 0;
        for (int i = 1; i <= 9 && i < perms.length(); i++) {
            char c = perms.charAt(i);
            if (c != '-' && c != 'S' && c != 'T') bits |= 1 << (9 - i);
        }
        if (perms.length() > 9) {
            if ("sS".indexOf(perms.charAt(3)) >= 0) bits |= 04000;
            if ("sS".indexOf(perms.charAt(6)) >= 0) bits |= 02000;
            if ("tT".indexOf(perms.charAt(9)) >= 0) bits |= 01000;
        }
        return String.format("%04o", bits);
    }

    /** The OSError text Python's mkstemp/mkdtemp give for the usual causes, else the shell's own message. */
    private static String pythonError(String stderr, String target) {
        String e = stderr.strip();
        if (e.contains("No such file or directory") || e.contains("Directory nonexistent")) {
            return "[Errno 2] No such file or directory: '" + target + "'";
        }
        if (e.contains("Permission denied")) return "[Errno 13] Permission denied: '" + target + "'";
        if (e.contains("File exists") || e.contains("cannot overwrite existing file")) {
            return "[Errno 17] File exists: '" + target + "'";
        }
        return e;
    }
}
