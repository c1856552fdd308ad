package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** become on the controller itself (ansible_connection: local): su to root and to another user, no password. */
@IntegrationTest("root: su to another user without a password")
class LocalBecomeTest {
    @TempDir
    Path dir;
    Path inventory;

    @BeforeEach
    void write() throws Exception {
        inventory = dir.resolve("hosts.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    box1:
                      ansible_connection: local
                """);
    }

    @Test
    void aTaskCanBecomeAnotherUser() throws Exception {
        Path pb = dir.resolve("become.yaml");
        Files.writeString(pb, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: id -u
                      register: plain
                      changed_when: false
                    - command: id -u
                      become: true
                      become_method: su
                      become_user: root
                      register: su_root
                      changed_when: false
                    - command: id -u
                      become: true
                      become_method: su
                      become_user: daemon
                      ignore_errors: true
                      register: su_daemon
                    - assert:
                        that:
                          - su_root.stdout == '0'
                          - su_daemon is failed
                """);
        Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
        assertEquals(0, run.exitCode(), run.toString());
        // daemon's login shell refuses su: proof that the task really ran through su to that user
        assertTrue(run.out().contains("This account is currently not available"), run.out());
    }
}
