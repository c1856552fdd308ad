package dev.jprov.modules.system;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Planned;
import java.util.List;
import java.util.Map;

/** A cron or cronvar call: it reads one crontab, fails as Ansible does when that cannot be read, and edits it. */
interface CrontabCall extends Invocation {

    CrontabSource source();

    /** The plan from the crontab's text ("" when there is none). */
    Planned plan(String existing);

    @Override
    default List<Probe> probes() {
        return List.of(source().probe());
    }

    @Override
    default Planned plan(Facts facts) {
        CrontabSource.Read read = source().read(facts);
        if (read.error().isPresent()) return Planned.failed(read.error().get(), Map.of());
        return plan(read.text());
    }
}
