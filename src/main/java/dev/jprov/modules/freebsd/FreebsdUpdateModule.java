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
import dev.jprov.plan.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * freebsd-update(8) fetch + install for the host, a root directory (-b) or a jail (-j), with
 * {@code --not-running-from-cron} and {@code PAGER=cat} so it never waits for a terminal.
 * <p>The probe must know whether updates are pending without changing the host: it reads the root's userland
 * version ({@code freebsd-version -u}, or the USERLAND_VERSION line of the root's /bin/freebsd-version, which is
 * what freebsd-update rewrites) and runs {@code freebsd-update fetch} with a throw-away working directory
 * ({@code -d $(mktemp -d)}, removed afterwards), so /var/db/freebsd-update, whose fetched state a later
 * {@code install} would act on, is left as it was. Check mode therefore reports the target patch level and the
 * files that would change. (The testbed's emulation ignores -d and records its pending state in the root; the
 * installed version is untouched either way.)
 * <p>With {@code snapshot_dataset} the step snapshots the dataset first and rolls it back with
 * {@code zfs rollback -r} when fetch/install fails, in the same step script, so a failed install leaves the root
 * as it was. The snapshot name is {@code snapshot_name}, by default jprov-update- and the run's date and time.
 */
public final class FreebsdUpdateModule implements Module {
    static final String NAME = "freebsd_update";
    private static final Pattern BACKUP_SUFFIX = Pattern.compile("\\.\\d+\\.(\\d{4})-(\\d\\d)-(\\d\\d)@(\\d\\d):(\\d\\d):(\\d\\d)~");
    private static final Pattern TARGET = Pattern.compile("as part of updating to\\s*\\n?\\s*([0-9]+\\.[0-9]+-[A-Z0-9-]+?(-p[0-9]+)?):");
    private static final Pattern NONE = Pattern.compile("No updates needed to update system to ([^\\s]+?)\\.?\\s*$",
            Pattern.MULTILINE);

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.freebsd_update");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<String> basedir = args.stringAliased("basedir", "root", "rootdir");
        Optional<String> jail = args.string("jail");
        args.choice("state", "latest", "latest");
        Optional<String> dataset = args.stringAliased("snapshot_dataset", "dataset");
        Optional<String> snapshotName = args.string("snapshot_name");
        args.finish();
        if (basedir.isPresent() && jail.isPresent()) throw new ArgsException("parameters are mutually exclusive: basedir|jail");
        basedir.ifPresent(b -> {
            if (!b.startsWith("/")) throw new ArgsException(NAME + ": basedir '" + b + "' must be an absolute path");
        });
        dataset.ifPresent(d -> ZfsName.dataset(NAME, "snapshot_dataset", d));
        if (snapshotName.isPresent() && dataset.isEmpty()) {
            throw new ArgsException(NAME + ": snapshot_name needs snapshot_dataset");
        }
        String snap = snapshotName.map(n -> ZfsName.snapshot(NAME, "snapshot_name", n))
                .orElseGet(() -> "jprov-update-" + stamp(context.backupSuffix()));
        Optional<String> basedirNorm = basedir.map(b -> b.length() > 1 && b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                .filter(b -> !b.equals("/"));
        return new UpdateCall(basedirNorm, jail.map(j -> JailOperand.of(NAME, j)), dataset, snap);
    }

    /** The run's date and time from the executor's backup suffix (".PID.YYYY-MM-DD@HH:MM:SS~"): modules read no clock. */
    static String stamp(String backupSuffix) {
        Matcher m = BACKUP_SUFFIX.matcher(backupSuffix);
        if (m.matches()) return m.group(1) + m.group(2) + m.group(3) + "-" + m.group(4) + m.group(5) + m.group(6);
        String cleaned = backupSuffix.replaceAll("[^A-Za-z0-9_.:-]", "-").replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    record UpdateCall(Optional<String> basedir, Optional<JailOperand> jail, Optional<String> dataset, String snap)
            implements ShellProbeInvocation {

        List<String> where() {
            if (basedir.isPresent()) return List.of("-b", basedir.get());
            if (jail.isPresent()) return List.of("-j", jail.get().value());
            return List.of();
        }

        String label() {
            return basedir.map(b -> "root " + b).or(() -> jail.map(j -> "jail " + j)).orElse("host");
        }

        Cmd update(String... commands) {
            return Cmd.of("env", "PAGER=cat", "freebsd-update", "--not-running-from-cron").plus(where())
                    .plus(commands);
        }

        public Probe.Shell probe() {
            StringBuilder s = new StringBuilder();
            if (jail.isPresent()) {
                s.append(ShellScript.fill("jpf_root=$(jls -j {} path) || jpf_root=/nonexistent\n", jail.get().value()));
            } else if (basedir.isPresent()) {
                s.append(ShellScript.fill("jpf_root={}\n", basedir.get()));
            }
            if (jail.isPresent() || basedir.isPresent()) {
                s.append("printf 'root=%s\\n' \"$jpf_root\"\n");
                s.append("printf 'version=%s\\n' \"$(sed -n 's/^USERLAND_VERSION=\"\\(.*\\)\"$/\\1/p' "
                        + "\"$jpf_root/bin/freebsd-version\" 2>/dev/null)\"\n");
            } else {
                s.append("printf 'version=%s\\n' \"$(freebsd-version -u)\"\n");
            }
            // fetch into a private working directory: nothing the host keeps is written.
            s.append("jpf_wd=$(mktemp -d \"${TMPDIR:-/tmp}/jprov-fu.XXXXXX\")\n");
            s.append("echo @fetch\n");
            s.append(Cmd.of("env", "PAGER=cat", "freebsd-update", "--not-running-from-cron").toShell())
                    .append(" -d \"$jpf_wd\"");
            if (!where().isEmpty()) s.append(' ').append(Cmd.of(where()).toShell());
            s.append(" fetch 2>&1; jpf_rc=$?\n");
            s.append("rm -rf \"$jpf_wd\"\n(exit $jpf_rc)");
            List<Resource> reads = jail.isPresent() ? List.of(Resource.ANY)
                    : List.of(Resource.path(basedir.orElse("/")));
            return new Probe.Shell(s.toString(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            String out = a.stdout();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target", label());
            String version = line(out, "version=").orElse("");
            String root = line(out, "root=").orElse("/");
            int fetch = out.indexOf("@fetch\n");
            String fetchOut = fetch < 0 ? "" : out.substring(fetch + 7);
            if (!a.ok() || version.isEmpty()) {
                String why = !a.ok() ? fetchOut.strip() + a.stderr().strip() : "cannot read the userland version of " + root;
                return Planned.failed(NAME + ": " + label() + ": " + why, result);
            }
            result.put("before", version);
            Matcher target = TARGET.matcher(fetchOut);
            if (!target.find()) {
                if (!NONE.matcher(fetchOut).find()) {
                    return Planned.failed(NAME + ": " + label() + ": cannot read freebsd-update fetch's output: "
                            + fetchOut.strip(), result);
                }
                result.put("after", version);
                result.put("updates", List.of());
                result.put("msg", "No updates needed for " + label() + " (" + version + ")");
                return Planned.of(List.of(Change.none("freebsd-update " + label())), result);
            }
            String next = target.group(1);
            List<String> files = new ArrayList<>();
            for (String l : fetchOut.substring(target.end()).split("\n")) {
                if (l.startsWith("/")) files.add(l.strip());
            }
            result.put("after", next);
            result.put("updates", files);
            dataset.ifPresent(d -> result.put("snapshot", d + "@" + snap));
            result.put("msg", label() + ": " + version + " -> " + next);
            StringBuilder after = new StringBuilder("userland: ").append(next).append('\n');
            for (String f : files) after.append("  updated: ").append(f).append('\n');
            String subject = "freebsd-update " + label();
            List<Resource> writes = new ArrayList<>();
            writes.add(Resource.path(root));
            dataset.ifPresent(d -> writes.add(new Resource(Resource.Kind.DATASET, d)));
            Change c = new Change(Action.UPDATE, subject,
                    new Diff(subject, "userland: " + version + "\n", subject, after.toString()),
                    List.of(step()), writes);
            return Planned.of(List.of(c), result);
        }

        /** fetch + install; with a dataset: snapshot first, roll back on failure, in one script. */
        Step step() {
            Cmd install = update("fetch", "install");
            if (dataset.isEmpty()) return Step.Exec.of(install);
            String full = dataset.get() + "@" + snap;
            ShellScript s = ShellScript.create()
                    .raw("(")
                    // An earlier failed attempt of this run left the snapshot: it still shows the root as it was.
                    .raw(Cmd.of("zfs", "list", "-H", "-o", "name", "-t", "snapshot", full).toShell()
                            + " >/dev/null 2>&1 || " + Cmd.of("zfs", "snapshot", full).toShell() + " || exit 1")
                    .raw(install.toShell() + "; jpf_rc=$?")
                    .raw("if [ $jpf_rc -ne 0 ]; then")
                    .line("  echo {} >&2", "jprov: freebsd-update failed; rolling back " + dataset.get() + " to " + full)
                    .raw("  " + Cmd.of("zfs", "rollback", "-r", full).toShell())
                    .raw("fi")
                    .raw("exit $jpf_rc")
                    .raw(")");
            return new Step.Exec(s.text(), Cmd.of("zfs", "snapshot", full).toShell() + " && " + install.toShell()
                    + " || " + Cmd.of("zfs", "rollback", "-r", full).toShell(), false);
        }

        private static Optional<String> line(String out, String key) {
            for (String l : out.split("\n")) if (l.startsWith(key)) return Optional.of(l.substring(key.length()));
            return Optional.empty();
        }
    }
}
