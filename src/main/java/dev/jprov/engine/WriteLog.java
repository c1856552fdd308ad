package dev.jprov.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes every session on one machine made during the run, in order, until each of the machine's sessions
 * has read them: how a session learns that another one (a second inventory name, a become variant, a jail and its
 * host, a delegated task) changed what its answers describe.
 */
final class WriteLog {
    private final List<MachineWrite> entries = new ArrayList<>();
    private long dropped; // entries every reader has read, no longer kept
    private final Map<Integer, Long> readUpTo = new HashMap<>();
    private int readers;

    /** A new session on the machine: it reads only what is written from now on. */
    synchronized int join() {
        int id = ++readers;
        readUpTo.put(id, dropped + entries.size());
        return id;
    }

    synchronized void add(MachineWrite write) {
        if (write.writes().isEmpty()) return;
        entries.add(write);
    }

    /** What others wrote since this reader last asked. */
    synchronized List<MachineWrite> unread(int reader) {
        long from = readUpTo.get(reader);
        long end = dropped + entries.size();
        List<MachineWrite> out = new ArrayList<>();
        for (long i = from; i < end; i++) {
            MachineWrite w = entries.get((int) (i - dropped));
            if (w.writer() != reader) out.add(w);
        }
        readUpTo.put(reader, end);
        trim();
        return out;
    }

    private void trim() {
        long oldest = readUpTo.values().stream().mapToLong(Long::longValue).min().orElse(dropped + entries.size());
        int n = (int) (oldest - dropped);
        if (n <= 0) return;
        entries.subList(0, n).clear();
        dropped = oldest;
    }
}
