package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments of the account modules fail their task through a playbook, before anything is probed (so a local
 * host is enough: nothing runs on it), with the module's message as Ansible's fatal line shows it. (The engine does
 * not yet prefix module argument errors with the task's file:line as it does template errors.)
 */
class AccountsBadArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void eachModuleNamesTheTasksLine() throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"),
                "all:\n  hosts:\n    box1:\n      ansible_connection: local\n");
        String[][] cases = {
                {"user: {name: 'al ice'}", "invalid character ` ' at position 2 in userid/group name"},
                {"group: {name: ops, non_unique: true}", "non_unique is True but all of the following are missing: gid"},
                {"authorized_key: {user: alice, key: 'not a key'}", "invalid key specified: not a key"},
                {"getent: {key: root}", "missing required arguments: database"},
        };
        for (String[] c : cases) {
            Path pb = Files.writeString(dir.resolve("bad.yaml"), """
                    - hosts: all
                      gather_facts: false
                      tasks:
                        - %s
                    """.formatted(c[0]));
            Jprov.Run run = Jprov.run("apply", "-i", inventory.toString(), pb.toString());
            assertEquals(2, run.exitCode(), run.toString());
            String all = run.out() + run.err();
            assertTrue(all.contains(c[1]), all);
            assertTrue(all.contains("fatal: [box1]: FAILED!"), all);
        }
    }
}
