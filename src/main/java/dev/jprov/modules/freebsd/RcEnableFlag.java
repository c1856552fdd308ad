package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.files.FileContentProbe;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Resource;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code NAME_enable} switch in /etc/rc.conf that rctl and pf turn on with sysrc(8). The file is read with the
 * shared {@link FileContentProbe} (the same probe the sysrc module makes for /etc/rc.conf, so the executor reads
 * the file once per round) and parsed as sysrc does ({@link RcConfText}).
 */
record RcEnableFlag(String variable) {
    static final String RC_CONF = "/etc/rc.conf";

    Probe.Shell probe() {
        return FileContentProbe.whole(RC_CONF).probe();
    }

    /** The value set in /etc/rc.conf, if any (the default from /etc/defaults/rc.conf is NO for these). */
    Optional<String> current(Facts facts) {
        Optional<byte[]> bytes = FileContentProbe.parse(facts.get(probe()), RC_CONF);
        return bytes.map(b -> RcConfText.assignments(new String(b, StandardCharsets.UTF_8)).get(variable))
                .map(RcConfText.Value::shown);
    }

    /** A NONE change when already YES (any case, as rc.subr's checkyesno reads it), else {@code sysrc NAME=YES}. */
    Change enable(Facts facts) {
        Optional<String> now = current(facts);
        String subject = RC_CONF + ": " + variable;
        if (now.map(v -> v.toUpperCase(Locale.ROOT)).filter(v -> v.equals("YES")).isPresent()) {
            return Change.none(subject);
        }
        return new Change(now.isPresent() ? Action.UPDATE : Action.CREATE, subject,
                Diff.of(RC_CONF, variable + ": " + now.orElse("") + "\n", variable + ": YES\n"),
                List.of(Step.Exec.of(Cmd.of("sysrc", variable + "=YES"))),
                List.of(Resource.path(RC_CONF), new Resource(Resource.Kind.RC_VAR, variable)));
    }
}
