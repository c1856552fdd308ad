package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every session on a machine reads the others' writes once, in order, and never its own. */
class WriteLogTest {
    private static MachineWrite by(int writer, String path) {
        return new MachineWrite(writer, FileSystem.HOST, List.of(Resource.path(path)), Map.of());
    }

    private static List<String> paths(List<MachineWrite> writes) {
        return writes.stream().map(w -> w.writes().get(0).name()).toList();
    }

    @Test
    void nothingWrittenNothingToRead() {
        WriteLog log = new WriteLog();
        int a = log.join();
        assertEquals(List.of(), log.unread(a));
        log.add(new MachineWrite(a, FileSystem.HOST, List.of(), Map.of()));
        assertEquals(List.of(), log.unread(a));
    }

    @Test
    void eachReaderGetsTheOthersWritesOnceInOrder() {
        WriteLog log = new WriteLog();
        int a = log.join();
        int b = log.join();
        log.add(by(a, "/1"));
        log.add(by(b, "/2"));
        log.add(by(a, "/3"));
        assertEquals(List.of("/2"), paths(log.unread(a)));
        assertEquals(List.of("/1", "/3"), paths(log.unread(b)));
        assertEquals(List.of(), paths(log.unread(b)));
        log.add(by(a, "/4"));
        assertEquals(List.of("/4"), paths(log.unread(b)));
    }

    @Test
    void aLateJoinerReadsOnlyWhatComesAfterIt() {
        WriteLog log = new WriteLog();
        int a = log.join();
        log.add(by(a, "/before"));
        int c = log.join();
        log.add(by(a, "/after"));
        assertEquals(List.of("/after"), paths(log.unread(c)));
    }
}
