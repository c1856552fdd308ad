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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * freebsd-update(8) fetch + install for the host, a root directory (-b) or a jail (-j), with
 * {@code --not-running-from-cron} and {@code PAGER=cat} so it never waits for a terminal. Read against
 * usr.sbin/freebsd-update/freebsd-update.sh:
 * <ul>
 * <li><b>Which release.</b> The script takes the release to update from {@code uname -r}, the HOST's kernel, unless
 *     {@code --currently-running} (config_SourceRelease exports UNAME_r, which uname(1) then prints) or {@code -j}
 *     (config_TargetJail does the same with {@code freebsd-version -j}). So for {@code basedir} the probe reads the
 *     root's own USERLAND_VERSION from ROOT/bin/freebsd-version and passes it as {@code --currently-running}: a
 *     14.2 jail root on a 14.3 host is updated as 14.2.</li>
 * <li><b>Work directory.</b> fetchupgrade_check_params requires {@code -d} to exist and be a writable directory,
 *     not on md(4) or tmpfs ("Directory is not on a persistent filesystem"). A jail root gets its own,
 *     {@code /var/db/freebsd-update/jail-NAME} (or {@code root-PATH} for a basedir): on the host, because
 *     freebsd-update runs as the host's root and a directory inside the jail is the jail's to plant symlinks in
 *     (the script's own -j keeps the host's work directory for the same reason), and per root, because the
 *     metadata (tag, tINDEX.present) is per release and nothing in the script locks a shared one.
 *     The host keeps the script's default.</li>
 * <li><b>Dry runs.</b> {@code fetch} keeps what it downloaded in its work directory (content-addressed files/,
 *     the signed {@code tag} of the newest patch level, the metadata) and records a fetched update as the
 *     {@code BDHASH-install} link (fetch_create_manifest), which a later {@code install} installs. The probe
 *     fetches into a work directory of its own, never the root's ({@link #probeWorkdir}): a dry run must not
 *     stage an update that the operator's next {@code freebsd-update install} (or anyone's) would install. That
 *     directory is kept, so a dry run with nothing new downloads only the tag and the index again.</li>
 * <li><b>The step</b> is {@code fetch install} in the root's own work directory: what is current when it runs,
 *     as Ansible's modules do.</li>
 * </ul>
 * <p>With {@code snapshot_dataset} the step snapshots the dataset first and rolls it back with
 * {@code zfs rollback -r} when the install fails, in the same step script, so a failed install leaves the root
 * as it was. The snapshot name is {@code snapshot_name}, by default jprov-update- and the run's date and time.
 */
public final class FreebsdUpdateModule implements Module {
    static final String NAME = "freebsd_update";
    /** The script's default WorkDir (default_params). */
    static final String DEFAULT_WORKDIR = "/var/db/freebsd-update";
    private static final Pattern BACKUP_SUFFIX = Pattern.compile("\\.\\d+\\.(\\d{4})-(\\d\\d)-(\\d\\d)@(\\d\\d):(\\d\\d):(\\d\\d)~");
    /** config_SourceRelease accepts X.Y-NAME[-pN], and a bare X.Y, to which it appends -RELEASE. */
    private static final Pattern RELEASE = Pattern.compile("[0-9]+\\.[0-9]+(-[A-Z0-9]+(-p[0-9]+)?)?");

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
        Optional<String> workdir = args.string("workdir");
        Optional<String> running = args.string("currently_running");
        args.finish();
        if (basedir.isPresent() && jail.isPresent()) throw new ArgsException("parameters are mutually exclusive: basedir|jail");
        basedir.ifPresent(b -> {
            if (!b.startsWith("/")) throw new ArgsException(NAME + ": basedir '" + b + "' must be an absolute path");
        });
        workdir.ifPresent(w -> {
            if (!w.startsWith("/")) throw new ArgsException(NAME + ": workdir '" + w + "' must be an absolute path");
        });
        running.ifPresent(r -> {
            if (!RELEASE.matcher(r).matches()) {
                throw new ArgsException(NAME + ": currently_running '" + r + "' is not a release such as 14.2-RELEASE");
            }
        });
        dataset.ifPresent(d -> ZfsName.dataset(NAME, "snapshot_dataset", d));
        if (snapshotName.isPresent() && dataset.isEmpty()) {
            throw new ArgsException(NAME + ": snapshot_name needs snapshot_dataset");
        }
        String snap = snapshotName.map(n -> ZfsName.snapshot(NAME, "snapshot_name", n))
                .orElseGet(() -> "jprov-update-" + stamp(context.backupSuffix()));
        Optional<String> root = basedir.map(b -> b.length() > 1 && b.endsWith("/") ? b.substring(0, b.length() - 1) : b)
                .filter(b -> !b.equals("/"));
        Optional<JailOperand> j = jail.map(n -> JailOperand.of(NAME, n));
        UpdateTarget target = root.<UpdateTarget>map(UpdateTarget.Root::new)
                .or(() -> j.map(UpdateTarget.Jail::new)).orElseGet(UpdateTarget.Host::new);
        String wd = workdir.map(w -> w.length() > 1 && w.endsWith("/") ? w.substring(0, w.length() - 1) : w)
                .orElseGet(target::defaultWorkdir);
        return new UpdateCall(target, wd, running, dataset, snap);
    }

    /** The run's date and time from the executor's backup suffix (".PID.YYYY-MM-DD@HH:MM:SS~"): modules read no clock. */
    static String stamp(String backupSuffix) {
        Matcher m = BACKUP_SUFFIX.matcher(backupSuffix);
        if (m.matches()) return m.group(1) + m.group(2) + m.group(3) + "-" + m.group(4) + m.group(5) + m.group(6);
        String cleaned = backupSuffix.replaceAll("[^A-Za-z0-9_.:-]", "-").replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    record UpdateCall(UpdateTarget target, String workdir, Optional<String> running, Optional<String> dataset,
                      String snap) implements ShellProbeInvocation {

        /**
         * Where the probe fetches: beside the root's work directory, never in it (a fetch there stages an update
         * that `freebsd-update install` would install), and kept between runs as a download cache.
         */
        String probeWorkdir() {
            return workdir.equals(DEFAULT_WORKDIR) ? DEFAULT_WORKDIR + "/jprov-probe" : workdir + ".jprov-probe";
        }

        /** freebsd-update with the work directory and the place; {@code version} is the root's release or empty. */
        Cmd update(String version, String... commands) {
            return updateIn(workdir, version, commands);
        }

        private Cmd updateIn(String dir, String version, String... commands) {
            Cmd c = Cmd.of("env", "PAGER=cat", "freebsd-update", "--not-running-from-cron");
            if (!dir.equals(DEFAULT_WORKDIR)) c = c.plus("-d", dir);
            c = c.plus(target.where());
            if (!version.isEmpty()) c = c.plus("--currently-running", version);
            return c.plus(commands);
        }

        public Probe.Shell probe() {
            // In a subshell: probes share the probe script's shell, where exit would end every later probe too.
            ShellScript s = ShellScript.create().raw("(")
                    .raw("printf 'kernel=%s\\n' \"$(uname -r)\"")
                    .raw(target.rootAndVersion());
            // What to pass as --currently-running: the option, else the root's own release (basedir only: -j
            // reads the jail's itself, the host's uname -r is the script's default and right for the host).
            if (running.isPresent()) {
                s.line("jfu_run={}", running.get());
            } else if (target instanceof UpdateTarget.Root) {
                s.raw("jfu_run=$jfu_version");
            } else {
                s.raw("jfu_run=");
            }
            s.raw("printf 'version=%s\\nrunning=%s\\n' \"$jfu_version\" \"$jfu_run\"");
            if (target instanceof UpdateTarget.Root) s.raw("[ -n \"$jfu_version\" ] || exit 0");
            // The work directory must exist (the script only checks); mode 700 is what it sets itself.
            String dir = probeWorkdir();
            s.line("[ -d {} ] || mkdir -p -m 700 {} || exit 1", dir, dir);
            s.raw("echo @fetch");
            // --currently-running goes before the command, its value from the probe's own shell variable.
            s.raw("if [ -n \"$jfu_run\" ]; then " + updateIn(dir, "").toShell() + " --currently-running \"$jfu_run\" fetch 2>&1; "
                    + "else " + updateIn(dir, "", "fetch").toShell() + " 2>&1; fi; echo \"@fetch-rc=$?\"").raw(")");
            List<Resource> reads = new ArrayList<>(target.reads());
            reads.add(Resource.path(dir));
            return new Probe.Shell(s.text(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer a) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target", target.label());
            result.put("workdir", workdir);
            UpdateFetch f = UpdateFetch.parse(a.stdout());
            f.kernel().ifPresent(k -> result.put("kernel", k));
            if (f.version().isEmpty()) {
                return Planned.failed(NAME + ": " + target.label() + ": cannot read the userland version"
                        + f.root().map(r -> " (USERLAND_VERSION in " + RcConfFile.joined(r, "/bin/freebsd-version")
                        + ")").orElse("") + (a.stderr().isBlank() ? "" : ": " + a.stderr().strip()), result);
            }
            String version = f.version().get();
            String runningAs = f.running().orElse("");
            result.put("before", version);
            if (!runningAs.isEmpty()) result.put("currently_running", runningAs);
            if (!a.ok() || f.fetchExit().isEmpty() || f.fetchExit().get() != 0) {
                return Planned.failed(NAME + ": " + target.label() + ": freebsd-update fetch failed: "
                        + (f.output().strip() + "\n" + a.stderr().strip()).strip(), result);
            }
            if (f.target().isEmpty()) {
                if (!f.nothingNeeded()) {
                    return Planned.failed(NAME + ": " + target.label() + ": cannot read freebsd-update fetch's output: "
                            + f.output().strip(), result);
                }
                result.put("after", version);
                result.put("updates", List.of());
                result.put("staged", false);
                result.put("msg", "No updates needed for " + target.label() + " (" + version + ")");
                return Planned.of(List.of(Change.none("freebsd-update " + target.label())), result);
            }
            String next = f.target().get();
            result.put("after", next);
            result.put("updates", f.files());
            result.put("staged", true);
            dataset.ifPresent(d -> result.put("snapshot", d + "@" + snap));
            result.put("msg", target.label() + ": " + version + " -> " + next);
            StringBuilder after = new StringBuilder("userland: ").append(next).append('\n');
            for (String file : f.files()) after.append("  updated: ").append(file).append('\n');
            String subject = "freebsd-update " + target.label();
            List<Resource> writes = new ArrayList<>();
            writes.add(Resource.path(f.root().orElse("/")));
            writes.add(Resource.path(workdir));
            dataset.ifPresent(d -> writes.add(new Resource(Resource.Kind.DATASET, d)));
            Change c = new Change(Action.UPDATE, subject,
                    new Diff(subject, "userland: " + version + "\n", subject, after.toString()),
                    List.of(step(runningAs)), writes);
            return Planned.of(List.of(c), result);
        }

        /** fetch and install in the root's work directory; with a dataset: snapshot, roll back on failure. */
        Step step(String runningAs) {
            Cmd install = update(runningAs, "fetch", "install");
            ShellScript s = ShellScript.create().raw("(");
            if (!workdir.equals(DEFAULT_WORKDIR)) s.line("[ -d {} ] || mkdir -p -m 700 {} || exit 1", workdir, workdir);
            String full = dataset.map(d -> d + "@" + snap).orElse("");
            if (dataset.isPresent()) {
                // An earlier failed attempt of this run left the snapshot: it still shows the root as it was.
                s.raw(Cmd.of("zfs", "list", "-H", "-o", "name", "-t", "snapshot", full).toShell()
                        + " >/dev/null 2>&1 || " + Cmd.of("zfs", "snapshot", full).toShell() + " || exit 1");
            }
            s.raw(install.toShell() + "; jpf_rc=$?");
            if (dataset.isPresent()) {
                s.raw("if [ $jpf_rc -ne 0 ]; then")
                        .line("  echo {} >&2", "jprov: freebsd-update failed; rolling back " + dataset.get() + " to " + full)
                        .raw("  " + Cmd.of("zfs", "rollback", "-r", full).toShell())
                        .raw("fi");
            }
            s.raw("exit $jpf_rc").raw(")");
            String display = install.toShell();
            if (dataset.isPresent()) {
                display = Cmd.of("zfs", "snapshot", full).toShell() + " && " + display + " || "
                        + Cmd.of("zfs", "rollback", "-r", full).toShell();
            }
            return new Step.Exec(s.text(), display, false);
        }
    }
}
