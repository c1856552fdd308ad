package dev.jprov.modules.freebsd;

import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The confirm-or-revert timer of one pf change: what it puts back when the controller cannot confirm in time.
 * The target is pf as it was in the kernel, never the file on disk (which need not be what was loaded) and never
 * an empty ruleset (which passes everything):
 * <ul>
 * <li>pf.ko was not loaded: disable, unload pflog.ko if this change loaded it, unload pf.ko;</li>
 * <li>a ruleset was loaded: the one pfctl shows ({@code -sr} scrub rules, {@code -sn} translation rules, the
 * other {@code -sr} rules, in the order pf.conf(5) requires), saved right before the new one is loaded; when
 * that copy does not load, pf is disabled rather than left with the new ruleset. pfctl's listing leaves out
 * options (set ...), table contents that only the file defined, anchors' rules and ethernet rules;</li>
 * <li>pf was disabled and this change enables it: disabled again.</li>
 * </ul>
 * The file on disk is put back too (or removed when it did not exist), so the next boot does not load what was
 * reverted. rc.conf is only changed after the confirmation, by the changes that follow.
 */
record PfRevert(String path, int timeout, boolean fileExisted, boolean writesFile, PfKernel before,
                boolean loadsRuleset, boolean turnsOn, boolean loadsPflog) {
    static final String SNAPSHOT = "/var/run/jprov-pf-loaded.conf";

    String saved() {
        return path + ".jprov-prev";
    }

    /** Whether the ruleset loaded now must be saved before it is replaced. */
    boolean snapshots() {
        return before.loaded() && loadsRuleset;
    }

    /** Saves what the kernel has loaded as a pf.conf the revert can load. */
    Step snapshotStep() {
        String r = SNAPSHOT + ".r";
        String n = SNAPSHOT + ".n";
        String script = ShellScript.fill("pfctl -sr > {} && pfctl -sn > {} && { sed -n '/^scrub/p' {}; cat {}; "
                + "sed '/^scrub/d' {}; } > {} && rm -f {} {}", r, n, r, n, r, SNAPSHOT, r, n);
        return new Step.Exec(script, "save the loaded ruleset (pfctl -sr, -sn) as " + SNAPSHOT
                + ", the revert target", false);
    }

    /** The timer's shell text, run by daemon(8). */
    String script() {
        List<String> parts = new ArrayList<>();
        parts.add("sleep " + timeout);
        if (writesFile) {
            parts.add(fileExisted ? ShellScript.fill("cp -p {} {}", saved(), path) : ShellScript.fill("rm -f {}", path));
        }
        if (!before.loaded()) {
            parts.add("pfctl -d");
            if (loadsPflog) parts.add("kldunload pflog");
            parts.add("kldunload pf");
        } else {
            if (loadsRuleset) parts.add(ShellScript.fill("{ pfctl -f {} || pfctl -d; }", SNAPSHOT));
            if (turnsOn) parts.add("pfctl -d");
        }
        return String.join("; ", parts);
    }

    /** What the confirmation removes once the new state is proven reachable. */
    String confirmScript() {
        StringBuilder s = new StringBuilder(ShellScript.fill("kill \"$(cat {})\" && rm -f {}", PfModule.PIDFILE,
                PfModule.PIDFILE));
        if (writesFile && fileExisted) s.append(' ').append(ShellScript.quote(saved()));
        if (snapshots()) s.append(' ').append(ShellScript.quote(SNAPSHOT));
        return s.toString();
    }

    /** The revert target in words, for the result. */
    String target() {
        if (!before.loaded()) return "pf as it was: disabled and pf.ko unloaded";
        if (loadsRuleset) {
            return "the ruleset loaded before (pfctl -sr/-sn)" + (turnsOn ? ", pf disabled as it was" : "");
        }
        return "pf disabled as it was";
    }
}
