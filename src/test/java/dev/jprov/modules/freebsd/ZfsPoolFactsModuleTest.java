package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import dev.jprov.modules.Planned;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * zfs_facts and zpool_facts: the commands community.general's modules run (zfs_facts.py, zpool_facts.py), and the
 * facts they build from zfs get / zpool get -H -o name,property,value (one dict per name, in output order, name last).
 */
class ZfsPoolFactsModuleTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(new ZfsFactsModule(), args("name", "zroot/var"),
                        "if zfs list zroot/var >/dev/null 2>&1; then zfs get -H -t all -o name,property,value all "
                                + "zroot/var; else echo @absent; fi"),
                Arguments.of(new ZfsFactsModule(), args("dataset", "zroot", "recurse", true, "parsable", true,
                                "depth", 1, "type", "filesystem", "properties", "used,mountpoint"),
                        "if zfs list zroot >/dev/null 2>&1; then zfs get -H -p -r -d 1 -t filesystem -o "
                                + "name,property,value used,mountpoint zroot; else echo @absent; fi"),
                Arguments.of(new ZpoolFactsModule(), args(), "zpool get -H -o name,property,value all"),
                Arguments.of(new ZpoolFactsModule(), args("pool", "tank", "parsable", true, "properties", "size"),
                        "if zpool list tank >/dev/null 2>&1; then zpool get -H -p -o name,property,value size tank; "
                                + "else echo @absent; fi"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("commands")
    void runsTheModulesCommands(Module module, Map<String, Object> args, String script) {
        assertEquals(script, ((Probe.Shell) CannedAnswers.prepare(module, args).probes().getFirst()).script());
    }

    @Test
    void datasetsBecomeOneDictEachWithNameLast() {
        Planned p = CannedAnswers.plan(new ZfsFactsModule(), args("name", "zroot/var", "recurse", true),
                CannedAnswers.ok("zroot/var\ttype\tfilesystem\nzroot/var\tmountpoint\t/var\n"
                        + "zroot/var/log\ttype\tfilesystem\nzroot/var/log\tmountpoint\t/var/log\n"));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertTrue(p.changes().isEmpty(), "a fact module changes nothing");
        List<?> rows = (List<?>) ((Map<?, ?>) p.result().get("ansible_facts")).get("ansible_zfs_datasets");
        assertEquals(List.of(
                Map.of("type", "filesystem", "mountpoint", "/var", "name", "zroot/var"),
                Map.of("type", "filesystem", "mountpoint", "/var/log", "name", "zroot/var/log")), rows);
        assertEquals(List.of("type", "mountpoint", "name"), List.copyOf(((Map<?, ?>) rows.get(0)).keySet()));
        assertEquals(true, p.result().get("recurse"));
        assertEquals(rows, p.effects().factsGathered().get("ansible_zfs_datasets"));
    }

    /**
     * Ansible's own modules, run by ansible-playbook against the testbed's zfs and zpool (the recording's
     * _recorded says how), and jprov's from the same command output give the same result.
     */
    @Test
    void sameResultsAsAnsiblesModulesRecorded() throws Exception {
        Path dir = Path.of("src/test/resources/freebsd/zfs-facts-recorded");
        Map<?, ?> recorded = new ObjectMapper().readValue(dir.resolve("results.json").toFile(), Map.class);
        Planned zfs = CannedAnswers.plan(new ZfsFactsModule(), args("name", "tank", "recurse", true,
                "properties", "compression,mountpoint,type"), CannedAnswers.ok(Files.readString(dir.resolve("zfs-get.txt"))));
        Planned pools = CannedAnswers.plan(new ZpoolFactsModule(), args("properties", "health,comment"),
                CannedAnswers.ok(Files.readString(dir.resolve("zpool-get.txt"))));
        assertEquals(withoutStatus(recorded.get("zfs_facts")), zfs.result());
        assertEquals(withoutStatus(recorded.get("zpool_facts")), pools.result());
    }

    /** changed and failed are the engine's to add. */
    private static Map<?, ?> withoutStatus(Object result) {
        Map<Object, Object> m = new java.util.LinkedHashMap<>((Map<?, ?>) result);
        m.remove("changed");
        m.remove("failed");
        return m;
    }

    @Test
    void aMissingDatasetOrPoolFailsWithTheModulesMessage() {
        Planned ds = CannedAnswers.plan(new ZfsFactsModule(), args("name", "zroot/nope"), CannedAnswers.ok("@absent\n"));
        assertEquals(Planned.Outcome.FAILED, ds.outcome());
        assertEquals("ZFS dataset zroot/nope does not exist!", ds.result().get("msg"));
        Planned pool = CannedAnswers.plan(new ZpoolFactsModule(), args("name", "tank"), CannedAnswers.ok("@absent\n"));
        assertEquals("ZFS pool tank does not exist!", pool.result().get("msg"));
        Planned bad = CannedAnswers.plan(new ZfsFactsModule(), args("name", "zroot", "properties", "bogus"),
                new ProbeAnswer(2, "", "bad property list: invalid property 'bogus'\n"));
        assertEquals("Error while trying to get facts about ZFS dataset: zroot", bad.result().get("msg"));
        assertEquals(2, bad.result().get("rc"));
    }

    @Test
    void aJailSeesNoPool() {
        Planned p = CannedAnswers.plan(new ZpoolFactsModule(), args(), CannedAnswers.ok(""));
        assertEquals(Planned.Outcome.OK, p.outcome());
        assertEquals(Map.of("ansible_zfs_pools", List.of()), p.result().get("ansible_facts"));
        assertEquals(null, p.result().get("name"));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new ZfsFactsModule(), args("recurse", true), "missing required arguments: name"),
                Arguments.of(new ZfsFactsModule(), args("name", "zroot", "type", "fs"),
                        "value of type must be one of: all, filesystem, volume, snapshot, bookmark, got: fs"),
                Arguments.of(new ZfsFactsModule(), args("name", "zroot", "depth", "deep"), "must be an integer"),
                Arguments.of(new ZfsFactsModule(), args("name", "zroot", "ds", "zroot"), "mutually exclusive"),
                Arguments.of(new ZpoolFactsModule(), args("name", "tank", "recurse", true),
                        "Unsupported parameters for (community.general.zpool_facts) module: recurse"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badArguments")
    void refuses(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(module, args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
