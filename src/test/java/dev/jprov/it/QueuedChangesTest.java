package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes of tasks whose results nothing reads right away wait in the host's queue and are made together: a first
 * run takes a few round trips however many tasks change. What the host ends with, what is reported and in which
 * order, and where a failure stops the host are those of a run made task by task.
 */
class QueuedChangesTest {
    @TempDir
    Path dir;
    Path inventory;
    Path base;

    @BeforeEach
    void write() throws Exception {
        base = dir.resolve("host");
        Files.createDirectories(base);
        inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                  vars:
                    base: %s
                """.formatted(base));
    }

    private Jprov.Run apply(String playbook, String... more) throws Exception {
        Path pb = dir.resolve("play.yaml");
        Files.writeString(pb, playbook);
        List<String> args = new ArrayList<>(List.of("apply", "-i", inventory.toString(), pb.toString()));
        args.addAll(List.of(more));
        return Jprov.run(args.toArray(String[]::new));
    }

    private List<String> results(Jprov.Run run) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : run.tasks("box1")) out.add(t.path("task").asText() + "=" + t.path("status").asText());
        return out;
    }

    private static final String EDITS = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: file one
                  copy: {dest: "{{ base }}/one", content: "1\\n", mode: "0644"}
                - name: file two
                  copy: {dest: "{{ base }}/two", content: "2\\n"}
                - name: settings
                  lineinfile:
                    path: "{{ base }}/rc.conf"
                    create: true
                    regexp: "^{{ item.k }}="
                    line: "{{ item.k }}={{ item.v }}"
                  loop:
                    - {k: a, v: "1"}
                    - {k: b, v: "2"}
                    - {k: c, v: "3"}
                - name: block
                  blockinfile:
                    path: "{{ base }}/rc.conf"
                    block: "d=4"
                - name: key
                  command: "touch {{ base }}/key"
                  args:
                    creates: "{{ base }}/key"
            """;

    @Test
    void aFirstRunMakesItsChangesInFewRoundTripsAndLeavesWhatOneByOneWould() throws Exception {
        Files.writeString(base.resolve("rc.conf"), "a=0\n");
        Jprov.Run first = apply(EDITS);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(5, first.changed("box1"), first.toString());
        assertEquals(List.of("file one=changed", "file two=changed", "settings=changed", "settings=changed",
                "settings=changed", "block=changed", "key=changed"), results(first));
        assertEquals("1\n", Files.readString(base.resolve("one")));
        assertEquals("a=1\nb=2\nc=3\n# BEGIN ANSIBLE MANAGED BLOCK\nd=4\n# END ANSIBLE MANAGED BLOCK\n",
                Files.readString(base.resolve("rc.conf")));
        assertTrue(Files.exists(base.resolve("key")));
        // Seven changes of five tasks in two round trips: one probe round, one change round. The later items and the
        // block read the file the items before them rewrote whole: they plan against what those writes leave.
        assertEquals(2, first.roundTrips("box1"), first.toString());

        Jprov.Run again = apply(EDITS);
        assertEquals(0, again.changed("box1"), again.toString());
        assertEquals(1, again.roundTrips("box1"), again.toString());
    }

    @Test
    void aFailedChangeEndsTheHostThereAndLaterChangesAreNotMade() throws Exception {
        Jprov.Run run = apply("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: one
                      copy: {dest: "{{ base }}/one", content: "1\\n"}
                    - name: breaks
                      command: "false"
                    - name: never
                      copy: {dest: "{{ base }}/never", content: "x\\n"}
                """);
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(List.of("one=changed", "breaks=failed"), results(run));
        assertTrue(Files.exists(base.resolve("one")));
        assertFalse(Files.exists(base.resolve("never")), run.toString());
        assertEquals(1, run.changed("box1"));
        assertEquals(1, run.failed("box1"));
        assertFalse(run.out().contains("TASK [never]"), run.out());
    }

    @Test
    void aFailedItemStopsLaterTasksButNotTheOtherItems() throws Exception {
        Jprov.Run run = apply("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: items
                      command: "{{ item }}"
                      loop: ["false", "touch {{ base }}/second-item"]
                    - name: never
                      copy: {dest: "{{ base }}/never", content: "x\\n"}
                """);
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(Files.exists(base.resolve("second-item")), run.toString());
        assertFalse(Files.exists(base.resolve("never")), run.toString());
        assertEquals(List.of("items=failed", "items=changed"), results(run));
    }

    @Test
    void aRescueCatchesOnlyItsBlocksFailureAndTasksAroundItRun() throws Exception {
        Jprov.Run run = apply("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: before
                      copy: {dest: "{{ base }}/before", content: "b\\n"}
                    - block:
                        - name: in block
                          copy: {dest: "{{ base }}/inblock", content: "i\\n"}
                        - name: breaks
                          command: "false"
                        - name: not after the failure
                          copy: {dest: "{{ base }}/never", content: "x\\n"}
                      rescue:
                        - name: rescued
                          copy: {dest: "{{ base }}/rescued", content: "r\\n"}
                    - name: after
                      copy: {dest: "{{ base }}/after", content: "a\\n"}
                """);
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("before=changed", "in block=changed", "breaks=failed", "rescued=changed",
                "after=changed"), results(run));
        for (String f : List.of("before", "inblock", "rescued", "after")) assertTrue(Files.exists(base.resolve(f)), f);
        assertFalse(Files.exists(base.resolve("never")));
        assertEquals(1, run.recap("box1").path("rescued").asInt(), run.toString());
    }

    @Test
    void tasksThatReadTheHostSeeTheQueuedChangesMade() throws Exception {
        Jprov.Run run = apply("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: write
                      copy: {dest: "{{ base }}/x", content: "hello"}
                      notify: copy it
                    - name: read
                      command: "cat {{ base }}/x"
                      register: out
                    - name: size
                      stat: {path: "{{ base }}/x"}
                      register: st
                    - assert:
                        that:
                          - out.stdout == 'hello'
                          - st.stat.size == 5
                  handlers:
                    - name: copy it
                      command: "cp {{ base }}/x {{ base }}/y"
                """);
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("hello", Files.readString(base.resolve("y")), "the handler ran after the change was made");
    }

    @Test
    void checkModeCountsWhatTheRealRunChanges() throws Exception {
        Jprov.Run dry = apply(EDITS, "--check");
        assertEquals(0, dry.exitCode(), dry.toString());
        assertEquals(0, base.toFile().list().length, dry.toString());
        Jprov.Run real = apply(EDITS);
        assertEquals(real.changed("box1"), dry.changed("box1"), dry + "\n" + real);
        assertEquals(results(real), results(dry));
    }
}
