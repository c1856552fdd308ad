package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.Resource;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions on one machine, over recording shells: what one of them writes, the others no longer answer from
 * memory; what nobody wrote they still do (one round trip); a reboot or a write in a jail reaches the host too.
 */
class MachineSessionsTest {
    @TempDir
    Path dir;

    private final Machine machine = Machine.fixed();
    private final RecordingShell shellA = new RecordingShell();
    private final RecordingShell shellB = new RecordingShell();

    private Probe.FileInfo info(String name) {
        return new Probe.FileInfo(dir.resolve(name).toString(), true, false);
    }

    private static FileFacts ask(HostSession s, Probe.FileInfo p) throws Exception {
        return (FileFacts) s.answers(List.of(p), List::of).get(p);
    }

    private static void write(HostSession s, Path path, String content) throws Exception {
        s.enqueue(s.nextTask(), List.of(Step.WriteFile.of(path.toString(), content.getBytes(StandardCharsets.UTF_8))),
                List.of(Resource.path(path.toString())), Map.of());
        s.flush();
    }

    @Test
    void withoutWritesEveryAnswerComesFromMemory() throws Exception {
        HostSession a = new HostSession("a", shellA, "~", machine);
        HostSession b = new HostSession("b", shellB, "~", machine);
        Files.writeString(dir.resolve("f"), "x");
        ask(a, info("f"));
        ask(b, info("f"));
        ask(a, info("f"));
        ask(b, info("f"));
        assertEquals(1, shellA.trips().size());
        assertEquals(1, shellB.trips().size());
    }

    @Test
    void anotherSessionsWriteIsSeen() throws Exception {
        HostSession a = new HostSession("a", shellA, "~", machine);
        HostSession b = new HostSession("b", shellB, "~", machine);
        Path f = dir.resolve("f");
        write(a, f, "A");
        String hashA = ask(a, info("f")).sha256().orElseThrow();
        write(b, f, "B");
        String seen = ask(a, info("f")).sha256().orElseThrow();
        assertEquals(false, hashA.equals(seen), "a asked the host again");
        // A file nobody wrote stays answered from memory.
        Files.writeString(dir.resolve("g"), "g");
        ask(a, info("g"));
        int trips = shellA.trips().size();
        write(b, f, "C");
        ask(a, info("g"));
        assertEquals(trips, shellA.trips().size());
    }

    @Test
    void aJailsWriteReachesItsHostsAnswersAboutAnyPath() throws Exception {
        HostSession host = new HostSession("host", shellA, "~", machine);
        HostSession jail = new HostSession("web", shellB, "~", machine.insideJail("web"));
        Files.writeString(dir.resolve("g"), "g");
        ask(host, info("g"));
        int trips = shellA.trips().size();
        write(jail, dir.resolve("elsewhere"), "x");
        ask(host, info("g"));
        assertEquals(trips + 1, shellA.trips().size(), "the jail's root is somewhere in the host's tree");
    }

    @Test
    void checkModeTellsTheOtherSessionsWhatItWouldLeave() throws Exception {
        HostSession a = new HostSession("a", shellA, "~", machine);
        HostSession b = new HostSession("b", shellB, "~", machine);
        Path f = dir.resolve("f");
        ask(a, info("f"));
        FileFacts predicted = new FileFacts(f.toString(), FileFacts.Type.FILE, "0644", -1, -1, "", "", 1, 0,
                java.util.Optional.of("cafe"), java.util.Optional.empty());
        b.simulate(List.of(Resource.path(f.toString())), List.of(predicted), Map.of());
        assertEquals(java.util.Optional.of("cafe"), ask(a, info("f")).sha256());
        assertEquals(1, shellA.trips().size(), "a prediction needs no round trip");
    }
}
