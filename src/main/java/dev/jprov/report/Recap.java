package dev.jprov.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-host counters of a run, as in Ansible's PLAY RECAP; thread safe, hosts update it in parallel. */
public final class Recap {

    public record Counts(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

        Counts add(Status s) {
            return switch (s) {
                case OK -> new Counts(ok + 1, changed, unreachable, failed, skipped, rescued, ignored);
                case CHANGED -> new Counts(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored);
                case SKIPPED -> new Counts(ok, changed, unreachable, failed, skipped + 1, rescued, ignored);
                case FAILED -> new Counts(ok, changed, unreachable, failed + 1, skipped, rescued, ignored);
                case UNREACHABLE -> new Counts(ok, changed, unreachable + 1, failed, skipped, rescued, ignored);
                case IGNORED -> new Counts(ok + 1, changed, unreachable, failed, skipped, rescued, ignored + 1);
                // A rescued failure no longer counts as failed, as in Ansible's stats.
                case RESCUED -> new Counts(ok, changed, unreachable, failed - 1, skipped, rescued + 1, ignored);
            };
        }

        /** Ansible's recap line: {@code %-26s : ok=%-4s changed=%-4s ...}. */
        public String line(String host) {
            return String.format("%-26s : %s %s %s %s %s %s %s", host, field("ok", ok), field("changed", changed),
                    field("unreachable", unreachable), field("failed", failed), field("skipped", skipped),
                    field("rescued", rescued), field("ignored", ignored));
        }

        private static String field(String name, int n) {
            return String.format("%s=%-4s", name, n);
        }
    }

    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = new LinkedHashMap<>();

    public synchronized void register(String host) {
        order.putIfAbsent(host, Boolean.TRUE);
        counts.putIfAbsent(host, Counts.ZERO);
    }

    public void count(String host, Status status) {
        register(host);
        counts.compute(host, (h, c) -> (c == null ? Counts.ZERO : c).add(status));
    }

    /** A failure that ignore_errors let pass still counts as changed when it changed something, as in Ansible. */
    public void countIgnored(String host, boolean changed) {
        count(host, Status.IGNORED);
        if (changed) {
            counts.compute(host, (h, c) -> new Counts(c.ok(), c.changed() + 1, c.unreachable(), c.failed(),
                    c.skipped(), c.rescued(), c.ignored()));
        }
    }

    /** Hosts in the order they were first seen (Ansible sorts them; the console reporter does too). */
    public synchronized Map<String, Counts> snapshot() {
        Map<String, Counts> out = new LinkedHashMap<>();
        for (String h : order.keySet()) out.put(h, counts.get(h));
        return out;
    }
}
