package dev.jprov.modules.accounts;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Planned;
import dev.jprov.modules.Plans;
import dev.jprov.plan.Action;
import dev.jprov.plan.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * authorized_key against Ansible itself: resources/accounts/authorized_key holds, per case of cases.json, the file
 * before and the file ansible-playbook (ansible.posix of ansible 7.7) left, and whether it reported a change (see
 * its README). The planned file must be byte-identical, and planning again from it must be a no-op.
 */
class AuthorizedKeyAgainstAnsibleTest {
    static final String DIR = "/accounts/authorized_key/";
    static final String FILE = "/home/alice/.ssh/authorized_keys";

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) new Yaml().load(resource("cases.json").orElseThrow());
        return cases.stream().map(c -> Arguments.of(c.get("name"), c.get("args"), c.get("changed")));
    }

    static Optional<String> resource(String name) throws IOException {
        try (InputStream in = AuthorizedKeyAgainstAnsibleTest.class.getResourceAsStream(DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** What the probe prints for alice (uid 1001, gid 1001) and her file holding {@code content} (absent: empty). */
    static ProbeAnswer probeAnswer(Optional<String> content) {
        return CannedAnswers.ok("user=1001:1001:/home/alice\nfile=" + FILE + "\n"
                + content.map(c -> "real=" + FILE + "\ncontent\n" + CannedAnswers.od(c)).orElse("content\nabsent\n"));
    }

    static Planned plan(Map<String, Object> args, Optional<String> content) {
        Map<String, Object> all = new LinkedHashMap<>(args);
        all.put("user", "alice");
        return CannedAnswers.plan(new AuthorizedKeyModule(), all, probeAnswer(content));
    }

    static String written(Planned p) {
        return p.changes().getFirst().steps().stream().filter(s -> s instanceof Step.WriteFile)
                .map(s -> new String(((Step.WriteFile) s).content(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leavesTheBytesAnsibleLeaves(String name, Map<String, Object> args, boolean changed) throws IOException {
        Optional<String> before = resource(name + ".before");
        String after = resource(name + ".after").orElseThrow();
        Planned p = plan(args, before);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(changed, p.changesHost(), name);
        if (changed) {
            assertEquals(after, written(p));
            assertEquals(before.orElse(""), Plans.before(p));
            assertEquals(after, Plans.after(p));
        }
        Planned again = plan(args, Optional.of(after));
        assertFalse(again.changesHost(), () -> name + " again: " + Plans.after(again));
    }

    @Test
    void writesTheFile0600OwnedByTheUserAfterMakingSshDir0700() {
        Planned p = plan(args("key", "ssh-ed25519 AAAAkey1 me"), Optional.empty());
        assertEquals(Action.CREATE, Plans.action(p));
        List<Step> steps = p.changes().getFirst().steps();
        assertEquals("mkdir -m 0700 /home/alice/.ssh (owned by alice)", steps.get(0).display());
        assertTrue(((Step.Exec) steps.get(0)).script().contains("chown \"$jp_ids\" /home/alice/.ssh && chmod 0700"));
        Step.WriteFile w = (Step.WriteFile) steps.get(1);
        assertEquals(FILE, w.path());
        assertEquals(Optional.of("0600"), w.mode());
        assertEquals(Optional.of("alice"), w.owner());
        assertEquals(Optional.of("1001"), w.group());
        assertEquals(FILE, p.result().get("keyfile"));
        assertEquals(false, p.result().get("exclusive"));
    }

    @Test
    void noDirectoryManagementWithoutManageDir() {
        Planned p = plan(args("key", "ssh-ed25519 AAAAkey1 me", "manage_dir", false), Optional.empty());
        assertEquals("mkdir -p /home/alice/.ssh", p.changes().getFirst().steps().get(0).display());
    }

    @Test
    void aMissingUserIsAnsiblesLookupFailure() {
        Planned p = CannedAnswers.plan(new AuthorizedKeyModule(), args("user", "nobody2", "key", "ssh-rsa AAAA x"),
                CannedAnswers.ok("nouser\n"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Failed to lookup user nobody2: \"getpwnam(): name not found: 'nobody2'\"", p.result().get("msg"));
    }

    @Test
    void followWritesTheLinkTarget() {
        Planned p = CannedAnswers.plan(new AuthorizedKeyModule(), args("user", "alice", "key", "ssh-rsa AAAA x",
                "follow", true), CannedAnswers.ok("user=1001:1001:/home/alice\nfile=" + FILE
                + "\nreal=/etc/ssh/keys/alice\ncontent\n" + CannedAnswers.od("")));
        assertEquals("/etc/ssh/keys/alice", ((Step.WriteFile) p.changes().getFirst().steps().get(1)).path());
    }

    @Test
    void aUrlIsFetchedByTheTargetWhileProbing() {
        Map<String, Object> a = args("user", "alice", "key", "http://10.88.0.1:8080/alice.keys", "validate_certs", false);
        String script = ((dev.jprov.facts.Probe.Shell) CannedAnswers.prepare(new AuthorizedKeyModule(), a).probes()
                .getFirst()).script();
        assertTrue(script.contains("if jp_k=$(fetch -q -o - --no-verify-peer http://10.88.0.1:8080/alice.keys); then"), script);
        String keys = "ssh-ed25519 AAAAkey1 a\nssh-rsa AAAAkey2 b\n";
        Planned p = CannedAnswers.plan(new AuthorizedKeyModule(), a, CannedAnswers.ok("user=1001:1001:/home/alice\nfile="
                + FILE + "\nfetched\n" + CannedAnswers.od(keys) + "content\nabsent\n"));
        assertEquals(keys, written(p));
        assertEquals(keys, p.result().get("key"));
        Planned unreachable = CannedAnswers.plan(new AuthorizedKeyModule(), a, CannedAnswers.ok(
                "user=1001:1001:/home/alice\nfile=" + FILE + "\nfetched\nfetchfailed\ncontent\nabsent\n"));
        assertEquals("Error getting key from: http://10.88.0.1:8080/alice.keys", unreachable.result().get("msg"));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(args("key", "ssh-rsa AAAA"), "missing required arguments: user"),
                Arguments.of(args("user", "alice"), "missing required arguments: key"),
                Arguments.of(args("user", "alice", "key", "not a key"), "invalid key specified: not a key"),
                Arguments.of(args("user", "alice", "key", "ssh-rsa AAAA", "path", "keys"), "must be an absolute path"),
                Arguments.of(args("user", "alice", "key", "ssh-rsa AAAA", "state", "gone"), "value of state must be one of"),
                Arguments.of(args("user", "alice", "key", "ssh-rsa AAAA", "keyfile", "/x"),
                        "Unsupported parameters for (authorized_key) module: keyfile"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void refusesBadArguments(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new AuthorizedKeyModule(), args));
        assertTrue(e.getMessage().contains(message), e::getMessage);
    }
}
