package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions that reach one machine see each other's writes: two inventory hosts on the controller
 * (ansible_connection: local), a task delegated to localhost, a command run by another session. A task that writes
 * is never reported ok over content another session changed after it last looked, and a dry run counts the same
 * changes as the real run.
 */
class SharedMachineTest {
    @TempDir
    Path dir;
    Path inventory;
    Path file;

    @BeforeEach
    void write() throws Exception {
        file = dir.resolve("shared.txt");
        inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                    box2:
                      ansible_connection: local
                  vars:
                    shared: %s
                """.formatted(file));
    }

    private Path playbook(String yaml) throws Exception {
        Path p = dir.resolve("site.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    /** The task lines of a run as "host task status", in order. */
    private static List<String> statuses(Jprov.Run run, String host) {
        return run.tasks(host).stream().map(t -> t.path("task").asText() + "=" + t.path("status").asText())
                .collect(Collectors.toList());
    }

    /** Box2 writes A and looks again, box1 runs {@code box1Task}, box2 writes A again. */
    private static String threePlays(String box1Task) {
        return """
                - hosts: box2
                  gather_facts: false
                  tasks:
                    - name: A on box2
                      copy: {dest: "{{ shared }}", content: "A\\n"}
                    - name: look at it
                      copy: {dest: "{{ shared }}", content: "A\\n"}
                - hosts: box1
                  gather_facts: false
                  tasks:
                    - %s
                - hosts: box2
                  gather_facts: false
                  tasks:
                    - name: A on box2 again
                      copy: {dest: "{{ shared }}", content: "A\\n"}
                """.formatted(box1Task);
    }

    private static final String THREE_PLAYS =
            threePlays("{name: B on box1, copy: {dest: \"{{ shared }}\", content: \"B\\n\"}}");

    @Test
    void twoInventoryHostsOnOneMachineSeeEachOthersWrites() throws Exception {
        Path site = playbook(THREE_PLAYS);
        Jprov.Run dry = Jprov.run("apply", "-i", inventory.toString(), site.toString(), "--check");
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(false, Files.exists(file), "a dry run leaves the file alone");

        Jprov.Run real = Jprov.run("apply", "-i", inventory.toString(), site.toString());
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals("A\n", Files.readString(file));
        assertEquals(List.of("A on box2=changed", "look at it=ok", "A on box2 again=changed"), statuses(real, "box2"));
        assertEquals(2, real.changed("box2"));
        assertEquals(1, real.changed("box1"));
        assertEquals(real.changed("box2"), dry.changed("box2"), "check mode predicts what box1 leaves");
        assertEquals(real.changed("box1"), dry.changed("box1"));
    }

    @Test
    void aTaskDelegatedToLocalhostIsSeenByTheHostOnTheSameMachine() throws Exception {
        Path site = playbook("""
                - hosts: box1
                  gather_facts: false
                  tasks:
                    - name: A
                      copy: {dest: "{{ shared }}", content: "A\\n"}
                    - name: look at it
                      stat: {path: "{{ shared }}"}
                      register: seen
                    - name: B through localhost
                      copy: {dest: "{{ shared }}", content: "B\\n"}
                      delegate_to: localhost
                    - name: A again
                      copy: {dest: "{{ shared }}", content: "A\\n"}
                """);
        Jprov.Run real = Jprov.run("apply", "-i", inventory.toString(), site.toString());
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals("A\n", Files.readString(file));
        assertEquals(List.of("A=changed", "look at it=ok", "B through localhost=changed", "A again=changed"),
                statuses(real, "box1"));
    }

    @Test
    void aCommandOnAnotherSessionOfTheMachineDropsTheAnswers() throws Exception {
        Path site = playbook(threePlays("{name: a command on box1, command: \"sh -c 'echo B > {{ shared }}'\"}"));
        Jprov.Run real = Jprov.run("apply", "-i", inventory.toString(), site.toString());
        assertEquals(0, real.exitCode(), real.toString());
        assertEquals("A\n", Files.readString(file));
        assertEquals(List.of("A on box2=changed", "look at it=ok", "A on box2 again=changed"), statuses(real, "box2"));
    }

    @Test
    void withoutOtherWritersARerunIsOneRoundTripPerHost() throws Exception {
        Path site = playbook(threePlays("{name: A on box1, copy: {dest: \"{{ shared }}\", content: \"A\\n\"}}"));
        Jprov.Run first = Jprov.run("apply", "-i", inventory.toString(), site.toString());
        assertEquals(0, first.exitCode(), first.toString());
        Jprov.Run again = Jprov.run("apply", "-i", inventory.toString(), site.toString());
        assertEquals(0, again.changed("box1") + again.changed("box2"), again.toString());
        assertEquals(1, again.roundTrips("box1"));
        assertEquals(1, again.roundTrips("box2"));
    }
}
