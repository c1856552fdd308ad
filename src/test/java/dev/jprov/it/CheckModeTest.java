package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check mode against ansible-playbook 2.14 on a playbook of 13 file, copy, template, lineinfile and loop tasks
 * (it/ansible/checkmode): nothing written, the real run's changed count, the same -D diffs, a second real run
 * that changes nothing in one round trip per host.
 */
class CheckModeTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h1", "h2"})
    void checkOnAFreshHostCountsWhatTheRealRunChangesAndWritesNothing(String host) {
        AnsibleParity p = AnsibleParity.copy("checkmode", temp);
        Jprov.Run check = p.run("site.yaml", "-C");
        assertEquals(0, check.exitCode(), check.toString());
        assertFalse(Files.exists(p.out(host)), "check mode created " + p.out(host));
        // ansible-playbook's real run on this playbook: "changed=10" (ansible-apply.out). Deliberate difference:
        // Ansible's own check mode on a fresh host fails at "lineinfile regexp" (Destination ... does not exist,
        // ansible-fresh-check.out), as its lineinfile cannot know that the task before would create the file;
        // jprov plans against the predicted file, so its count is the real run's.
        assertEquals(10, check.changed(host), check.toString());
        Jprov.Run real = p.run("site.yaml");
        assertEquals(10, real.changed(host), real.toString());
    }

    @Test
    void secondRealRunChangesNothingInOneRoundTripPerHost() {
        AnsibleParity p = AnsibleParity.copy("checkmode", temp);
        assertEquals(0, p.run("site.yaml").exitCode());
        Jprov.Run again = p.run("site.yaml");
        String expected = p.ansible("again");
        assertEquals(expected, p.normalized(again), again.toString());
        for (String h : List.of("h1", "h2")) {
            // gather facts and the probes of all 13 tasks in one round trip; nothing to apply
            assertEquals(1, again.roundTrips(h), again.toString());
        }
        Jprov.Run check = p.run("site.yaml", "--check");
        for (String h : List.of("h1", "h2")) {
            assertEquals(0, check.changed(h), check.toString());
            assertEquals(1, check.roundTrips(h), check.toString());
        }
    }

    @Test
    void checkWithDiffAfterDriftShowsAnsiblesDiffsAndChangesNothing() throws Exception {
        AnsibleParity p = AnsibleParity.copy("checkmode", temp);
        assertEquals(0, p.run("site.yaml").exitCode());
        for (String h : List.of("h1", "h2")) { // the drift ansible-drift.out was recorded after
            Files.writeString(p.out(h).resolve("etc/motd"), "drift\n");
            Files.setPosixFilePermissions(p.out(h).resolve("etc/app.conf"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(p.out(h).resolve("etc/rc.conf"), "other=\"1\"\n", java.nio.file.StandardOpenOption.APPEND);
        }
        Jprov.Run drift = p.run("site.yaml", "-C", "-D");
        String expected = p.ansible("drift")
                // Ansible names a temp file as the "after" side of copy content=; jprov names the destination
                .replace("--- before: OUT/h1/etc/motd\n+++ after: TMP", "--- before: OUT/h1/etc/motd\n+++ after: OUT/h1/etc/motd")
                .replace("--- before: OUT/h2/etc/motd\n+++ after: TMP", "--- before: OUT/h2/etc/motd\n+++ after: OUT/h2/etc/motd");
        String actual = p.normalized(drift);
        if (!expected.equals(actual)) p.keep("drift", expected, actual);
        assertEquals(expected, actual, drift.toString());
        for (String h : List.of("h1", "h2")) {
            assertEquals("drift\n", Files.readString(p.out(h).resolve("etc/motd")));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(p.out(h).resolve("etc/app.conf"))));
        }
    }

    @Test
    void checkModeOnOneTaskOfARealRunPretends() throws Exception {
        AnsibleParity p = AnsibleParity.copy("checkmode", temp);
        Jprov.Run run = p.run("taskcheck.yaml"); // its output is compared with Ansible's in PlaybookSemanticsTest
        assertEquals(0, run.exitCode(), run.toString());
        for (String h : List.of("h1", "h2")) {
            assertFalse(Files.exists(p.out(h).resolve("pretend")));
            assertEquals("r\n", Files.readString(p.out(h).resolve("real")));
        }
    }
}
