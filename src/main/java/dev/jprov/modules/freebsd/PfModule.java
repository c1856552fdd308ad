package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.facts.Sha256;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pf.conf from {@code content} or a {@code src} template, installed from whatever state pf is in, with
 * confirm-or-revert:
 * <ol>
 * <li>probe: is pf.ko loaded ({@code kldstat -q -m pf}; pflog.ko too when a rule logs), pfctl's status, and the
 * candidate checked with {@code pfctl -nf -} (content in a quoted here-document, so nothing is written). pfctl
 * needs /dev/pf even for -n (sbin/pfctl/pfctl.c opens it through pfctl_open), so while pf.ko is not loaded the
 * check waits for the real run, right after {@code kldload}; the plan says so and check mode does not fail;</li>
 * <li>apply: {@code kldload -n pf} (and pflog) as rc.d/pf's required_modules does; save the current file, write
 * the new one atomically, validated with {@code pfctl -nf} before the rename; arm a timer with daemon(8) that
 * puts pf back as it was ({@link PfRevert}); {@code pfctl -f} (a reload, never a pf restart, which drops
 * states); {@code pfctl -e} when asked;</li>
 * <li>a {@link Step.Reconfirm} over a NEW SSH connection kills the timer. If the new ruleset locks the controller
 * out the confirmation fails and the host reverts within {@code confirm_timeout} seconds;</li>
 * <li>only then, with {@code pf_enable}: pf_enable=YES, pf_rules (when not the default /etc/pf.conf) and, when a
 * rule logs, pflog_enable=YES in rc.conf, so rc.d/pf and rc.d/pflog bring it back at boot.</li>
 * </ol>
 * The kernel's ruleset is taken to be the file's when pf.ko is loaded with rules and the file is unchanged (what
 * rc.d/pf does at boot); a ruleset loaded by hand from another file is not detected.
 */
public final class PfModule implements Module {
    static final String NAME = "pf";
    static final String PIDFILE = "/var/run/jprov-pf-revert.pid";
    /** pf_rules in /etc/defaults/rc.conf. */
    static final String DEFAULT_RULES = "/etc/pf.conf";

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.pf");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        Optional<Object> content = args.value("content");
        Optional<String> src = args.string("src");
        String path = args.string("path", DEFAULT_RULES);
        long timeout = args.integer("confirm_timeout").orElse(60L);
        Optional<Boolean> enabled = args.bool("enabled");
        boolean rcEnable = args.bool("pf_enable", false);
        args.finish();
        if (content.isPresent() == src.isPresent()) {
            throw new ArgsException(NAME + ": give exactly one of content and src");
        }
        if (!path.startsWith("/") || path.indexOf('\n') >= 0) throw new ArgsException(NAME + ": path must be absolute");
        if (timeout < 10 || timeout > 3600) {
            throw new ArgsException(NAME + ": confirm_timeout must be 10..3600 seconds, got " + timeout);
        }
        String text = content.isPresent() ? String.valueOf(content.get())
                : context.renderTemplate(context.findLocalFile("templates", src.get()));
        if (text.indexOf('\0') >= 0) throw new ArgsException(NAME + ": the ruleset contains a NUL byte");
        return new Plan(path, text, (int) timeout, enabled.orElse(false), rcEnable);
    }

    record Plan(String path, String content, int timeout, boolean enable, boolean rcEnable) implements Invocation {

        PfRuleset ruleset() {
            return new PfRuleset(content);
        }

        /**
         * {@code pfctl -nf -} on the candidate, fed by a here-document whose delimiter is not a line of it, or
         * {@link PfKernel#NOT_LOADED} when pf.ko is not loaded (pfctl cannot check anything then).
         */
        Probe.Shell syntaxCheck() {
            String eof = "JPROV_PF_" + Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            String body = content.endsWith("\n") || content.isEmpty() ? content : content + "\n";
            return new Probe.Shell("if kldstat -q -m pf; then pfctl -nf - <<'" + eof + "'\n" + body + eof
                    + "\nelse echo '" + PfKernel.NOT_LOADED + "'; fi", List.of(new Resource(Resource.Kind.PF, "*")));
        }

        Probe.Shell status() {
            return PfKernel.probe(ruleset().logs());
        }

        private List<RcConfSetting> rcSettings() {
            return List.of(RcConfSetting.of("pf_rules", path, DEFAULT_RULES));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> p = new ArrayList<>(List.of(Probe.FileContent.whole(path), syntaxCheck(), status()));
            if (rcEnable) p.add(RcConfSetting.enabled("pf_enable").probe());
            return p;
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("path", path);
            PfKernel kernel = PfKernel.parse(facts.get(status()));
            if (kernel.armed()) {
                return Planned.failed("a pf revert timer of an earlier run is still armed (" + PIDFILE + "): an "
                        + "earlier ruleset was not confirmed and is being reverted; wait for it, then run again", result);
            }
            ProbeAnswer check = facts.get(syntaxCheck());
            boolean deferred = check.ok() && check.stdout().strip().equals(PfKernel.NOT_LOADED);
            if (!check.ok()) {
                String msg = (check.stderr() + check.stdout()).strip().replace("stdin:", path + " (new):");
                result.put("stderr", msg);
                return Planned.failed("pfctl -nf rejected the new " + path + ": " + msg + "; nothing was changed", result);
            }
            PfRuleset ruleset = ruleset();
            Optional<byte[]> bytes = facts.content(Probe.FileContent.whole(path));
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            boolean write = bytes.isEmpty() || !before.equals(content);
            boolean load = write || !kernel.loaded() || kernel.loadedRules() == 0 && ruleset.hasRules();
            boolean turnOn = enable && !kernel.enabled();
            boolean pflog = ruleset.logs() && !kernel.pflogLoaded();
            PfRevert revert = new PfRevert(path, timeout, bytes.isPresent(), write, kernel, load, turnOn, pflog);

            List<Change> changes = new ArrayList<>();
            if (!kernel.loaded() || pflog) changes.add(modules(kernel, pflog));
            if (write) changes.add(file(before, revert, bytes.isPresent()));
            if (load || turnOn) {
                changes.add(live(kernel, revert, load, turnOn, !write && deferred));
                result.put("revert_to", revert.target());
            }
            if (rcEnable) {
                List<Change> rc = new ArrayList<>(List.of(RcConfSetting.enabled("pf_enable").change(facts)));
                rcSettings().forEach(s -> rc.add(s.change(facts)));
                if (ruleset.logs()) rc.add(RcConfSetting.enabled("pflog_enable").change(facts));
                rc.stream().filter(Change::changes).forEach(changes::add);
            }
            if (changes.isEmpty()) changes.add(Change.none(path));
            result.put("enabled", enable || kernel.enabled());
            result.put("confirm_timeout", timeout);
            result.put("validated", !deferred);
            if (deferred) {
                result.put("msg", "pf.ko is not loaded, so pfctl cannot check " + path + " yet: the run loads it "
                        + "(kldload -n pf) and checks the ruleset with pfctl -nf before installing it");
            }
            return Planned.of(changes, result);
        }

        /** kldload of what is missing, as rc.d/pf's required_modules and rc.d/pflog's load_kld do. */
        private static Change modules(PfKernel kernel, boolean pflog) {
            List<Step> steps = new ArrayList<>();
            String after = "";
            if (!kernel.loaded()) {
                steps.add(Step.Exec.of(Cmd.of("kldload", "-n", "pf")));
                after += "pf.ko loaded\n";
            }
            if (pflog) {
                steps.add(Step.Exec.of(Cmd.of("kldload", "-n", "pflog")));
                after += "pflog.ko loaded\n";
            }
            String before = (kernel.loaded() ? "" : PfKernel.NOT_LOADED + "\n") + (pflog ? "pflog.ko not loaded\n" : "");
            return new Change(Action.CREATE, "kernel modules", Diff.of("kernel modules", before, after), steps,
                    List.of(new Resource(Resource.Kind.PF, "*")));
        }

        /** The file, saved first so the timer can put it back, written atomically after pfctl -nf accepts it. */
        private Change file(String before, PfRevert revert, boolean existed) {
            List<Step> steps = new ArrayList<>();
            if (existed) {
                steps.add(new Step.Exec(ShellScript.fill("cp -p {} {}", path, revert.saved()),
                        "save " + path + " as " + revert.saved(), false));
            }
            Step.WriteFile w = Step.WriteFile.of(path, content.getBytes(StandardCharsets.UTF_8));
            steps.add(new Step.WriteFile(w.path(), w.content(), w.mode(), w.owner(), w.group(),
                    Optional.of("pfctl -nf %s"), Optional.empty()));
            return new Change(existed ? Action.UPDATE : Action.CREATE, path, new Diff(path, before, path, content),
                    steps, List.of(Resource.path(path), Resource.path(revert.saved())));
        }

        /** The kernel's ruleset and status: revert timer, pfctl -f, pfctl -e, confirmation. */
        private Change live(PfKernel kernel, PfRevert revert, boolean load, boolean turnOn, boolean validate) {
            List<Step> steps = new ArrayList<>();
            if (validate) {
                steps.add(new Step.Exec(Cmd.of("pfctl", "-nf", path).toShell(), "pfctl -nf " + path
                        + " (checked now that pf.ko is loaded)", false));
            }
            if (revert.snapshots()) steps.add(revert.snapshotStep());
            steps.add(Step.Exec.of(Cmd.of("daemon", "-f", "-p", PIDFILE, "sh", "-c", revert.script())));
            if (load) steps.add(Step.Exec.of(Cmd.of("pfctl", "-f", path)));
            if (turnOn) steps.add(Step.Exec.of(Cmd.of("pfctl", "-e")));
            steps.add(new Step.Reconfirm(revert.confirmScript(), "confirm over a new connection (else the host "
                    + "reverts to " + revert.target() + " in " + timeout + " s)"));
            boolean on = enable || kernel.enabled();
            String after = (load ? "ruleset of " + path + " loaded\n" : kernel.loadedRules() + " rules loaded\n")
                    + "Status: " + (on ? "Enabled" : "Disabled") + "\n";
            return new Change(!kernel.loaded() ? Action.CREATE : load ? Action.UPDATE : Action.RUN, "pf",
                    Diff.of("pf (kernel)", kernel.describe(), after), steps,
                    List.of(new Resource(Resource.Kind.PF, "*"), Resource.path(PIDFILE),
                            Resource.path(PfRevert.SNAPSHOT)));
        }
    }
}
