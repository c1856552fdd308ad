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
import java.util.Optional;

/**
 * A variable of /etc/rc.conf that must have a value (pf_rules), read with the same probe as {@link RcEnableFlag}.
 * Unset counts as {@code defaultValue}, the value /etc/defaults/rc.conf gives it, so the default is never written
 * just to be explicit.
 */
record RcConfSetting(String variable, String value, String defaultValue) {

    Probe.Shell probe() {
        return FileContentProbe.whole(RcEnableFlag.RC_CONF).probe();
    }

    Change change(Facts facts) {
        Optional<byte[]> bytes = FileContentProbe.parse(facts.get(probe()), RcEnableFlag.RC_CONF);
        Optional<RcConfText.Value> now = bytes
                .map(b -> RcConfText.assignments(new String(b, StandardCharsets.UTF_8)).get(variable));
        String subject = RcEnableFlag.RC_CONF + ": " + variable;
        if (now.map(v -> v.is(value)).orElse(value.equals(defaultValue))) return Change.none(subject);
        return new Change(now.isPresent() ? Action.UPDATE : Action.CREATE, subject,
                Diff.of(RcEnableFlag.RC_CONF, variable + ": " + now.map(RcConfText.Value::shown).orElse("") + "\n",
                        variable + ": " + value + "\n"),
                List.of(Step.Exec.of(Cmd.of("sysrc", variable + "=" + value))),
                List.of(Resource.path(RcEnableFlag.RC_CONF), new Resource(Resource.Kind.RC_VAR, variable)));
    }
}
