package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A variable of /etc/rc.conf that must have a value, set with sysrc(8): a {@code NAME_enable} switch that rctl and
 * pf turn on ({@link #enabled}), or a setting such as pf_rules. The file is read with the shared
 * {@link Probe.FileContent} (the same probe the sysrc module makes for /etc/rc.conf, so the executor reads the file
 * once per round) and parsed as sysrc does ({@link RcConfText}). Unset counts as {@code defaultValue}, the value
 * /etc/defaults/rc.conf gives it, so a default is never written just to be explicit.
 *
 * @param anyCase whether the value matches in any case, as rc.subr's checkyesno reads YES
 */
record RcConfSetting(String variable, String value, String defaultValue, boolean anyCase) {
    static final String RC_CONF = "/etc/rc.conf";

    /** A switch that must be YES (default NO); yes, Yes ... count, as checkyesno takes them. */
    static RcConfSetting enabled(String variable) {
        return new RcConfSetting(variable, "YES", "NO", true);
    }

    /** A variable that must be exactly {@code value}. */
    static RcConfSetting of(String variable, String value, String defaultValue) {
        return new RcConfSetting(variable, value, defaultValue, false);
    }

    Probe.FileContent probe() {
        return Probe.FileContent.whole(RC_CONF);
    }

    /** A NONE change when rc.conf already gives the value, else {@code sysrc NAME=VALUE}. */
    Change change(Facts facts) {
        Optional<byte[]> bytes = facts.content(probe());
        Optional<RcConfText.Value> now = bytes
                .map(b -> RcConfText.assignments(new String(b, StandardCharsets.UTF_8)).get(variable));
        String subject = RC_CONF + ": " + variable;
        if (now.map(this::matches).orElse(value.equals(defaultValue))) return Change.none(subject);
        return new Change(now.isPresent() ? Action.UPDATE : Action.CREATE, subject,
                Diff.of(RC_CONF, variable + ": " + now.map(RcConfText.Value::shown).orElse("") + "\n",
                        variable + ": " + value + "\n"),
                List.of(Step.Exec.of(Cmd.of("sysrc", variable + "=" + value))),
                List.of(Resource.path(RC_CONF), new Resource(Resource.Kind.RC_VAR, variable)));
    }

    private boolean matches(RcConfText.Value now) {
        return anyCase ? now.text().filter(value::equalsIgnoreCase).isPresent() : now.is(value);
    }
}
