package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import dev.jprov.testbed.Testbed;
import dev.jprov.testbed.TestbedExtension;
import dev.jprov.testbed.TestbedHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * async over real SSH to a simulated FreeBSD host: a poll: 0 job (the "restart pf with async: 45, poll: 0" pattern)
 * starts under daemon(8), so it leads its own session, and outlives the run that started it; a later run reads
 * its status with async_status until it finished, cleans it up, and a poll: 1 task waits for its own job.
 */
@IntegrationTest("testbed container hosts (podman)")
@ExtendWith(TestbedExtension.class)
class AsyncOverSshTest {
    @TempDir
    Path dir;

    @Test
    void aFireAndForgetJobOutlivesItsRunAndALaterRunReadsIt(Testbed testbed) throws Exception {
        TestbedHost host = testbed.freshHost("async1");
        Path inventory = testbed.inventory(List.of(host));
        Path start = dir.resolve("start.yaml");
        Files.writeString(start, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: restart pf, the session may drop
                      shell: "echo $PPID $(ps -o sid= -p $$); sleep 2; echo restarted > /var/db/async-marker"
                      async: 45
                      poll: 0
                      register: job
                    - copy: {content: "{{ job.ansible_job_id }}", dest: /var/db/async-jid}
                """);
        Jprov.Run first = Jprov.run("apply", "-i", inventory.toString(), start.toString());
        assertEquals(0, first.exitCode(), first.toString());
        String jid = host.readFile("/var/db/async-jid");
        // running ({"started": 1, ...}) or already finished (the command's result)
        assertTrue(host.readFile("/root/.ansible_async/" + jid).startsWith("{\""), jid);

        Path status = dir.resolve("status.yaml");
        Files.writeString(status, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: wait for the restart
                      async_status: {jid: "{{ jid }}"}
                      register: job
                      until: job.finished
                      retries: 60
                      delay: 1
                    - name: the job (the command's parent) leads its own session, as daemon(8) leaves it
                      assert:
                        that:
                          - job.rc == 0
                          - job.stdout.split()[0] == job.stdout.split()[1]
                        fail_msg: "pid and session: {{ job.stdout }}"
                    - async_status: {jid: "{{ jid }}", mode: cleanup}
                    - name: polled
                      command: cat /var/db/async-marker
                      async: 10
                      poll: 1
                      register: polled
                    - assert: {that: ["polled.stdout == 'restarted'", "polled.finished == 1"]}
                """);
        Jprov.Run second = Jprov.run("apply", "-i", inventory.toString(), status.toString(), "-e", "jid=" + jid);
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals("", host.exec("ls", "-A", "/root/.ansible_async").stdout().strip(), "job files cleaned up");
    }
}
