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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** user planned from canned /etc/master.passwd and /etc/group, as FreeBsdUser of Ansible 2.14 would run pw. */
class UserModuleTest {
    static final String HASH = "$6$salt$Yq0fakeHashForTests";
    static final String MASTER = """
            #
            root::0:0::0:0:Charlie &:/root:/bin/sh
            www:*:80:80::0:0:World Wide Web Owner:/nonexistent:/usr/sbin/nologin
            alice:%s:1001:1001:staff:0:0:Alice:/home/alice:/bin/sh
            bob:*LOCKED**:1002:1002::0:1767225600:User &:/home/bob:/bin/csh
            """.formatted(HASH);
    static final String GROUP = """
            wheel:*:0:root,alice
            operator:*:5:root
            www:*:80:
            alice:*:1001:
            bob:*:1002:
            devs:*:2000:bob
            """;

    static ProbeAnswer files(boolean homeExists) {
        return CannedAnswers.ok(MASTER + AccountDatabase.GROUP_MARKER + "\n" + GROUP + "#jprov:home\n"
                + (homeExists ? "present\n" : ""));
    }

    static Planned plan(Map<String, Object> args) {
        return CannedAnswers.plan(new UserModule(), args, files(true));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no-op: as it is", args("name", "alice", "comment", "Alice", "shell", "/bin/sh",
                        "groups", List.of("wheel"), "group", "alice", "password", HASH, "login_class", "staff"), Action.NONE, ""),
                Arguments.of("no-op: absent and not there", args("name", "carol", "state", "absent"), Action.NONE, ""),
                Arguments.of("no-op: append and already a member", args("name", "alice", "groups", "wheel", "append", true),
                        Action.NONE, ""),
                Arguments.of("no-op: on_create keeps a different password", args("name", "alice", "password", "$6$other",
                        "update_password", "on_create"), Action.NONE, ""),
                Arguments.of("no-op: primary group listed in groups", args("name", "alice", "groups", "alice,wheel"),
                        Action.NONE, ""),
                Arguments.of("no-op: locked stays locked", args("name", "bob", "password_lock", true), Action.NONE, ""),
                Arguments.of("create with defaults", args("name", "carol"), Action.CREATE, "pw useradd -n carol -m"),
                Arguments.of("create with everything", args("name", "carol", "uid", 1500, "comment", "Carol C",
                        "group", "www", "groups", List.of("wheel", "operator"), "shell", "/bin/csh", "home", "/usr/home/carol",
                        "login_class", "staff", "skeleton", "/etc/skel2", "expires", 1767225600.5), Action.CREATE,
                        "pw useradd -n carol -u 1500 -c 'Carol C' -d /usr/home/carol -g www -G wheel,operator -m -k /etc/skel2"
                                + " -s /bin/csh -L staff -e 1767225600"),
                Arguments.of("create without home", args("name", "svc", "create_home", false, "shell", "/usr/sbin/nologin"),
                        Action.CREATE, "pw useradd -n svc -s /usr/sbin/nologin"),
                Arguments.of("createhome is create_home", args("name", "svc", "createhome", "no"), Action.CREATE,
                        "pw useradd -n svc"),
                Arguments.of("comment and shell", args("name", "alice", "comment", "Alice B", "shell", "/bin/csh"),
                        Action.UPDATE, "pw usermod -n alice -c 'Alice B' -s /bin/csh"),
                Arguments.of("groups replaced", args("name", "alice", "groups", List.of("operator")), Action.UPDATE,
                        "pw usermod -n alice -G operator"),
                Arguments.of("groups emptied", args("name", "alice", "groups", List.of()), Action.UPDATE,
                        "pw usermod -n alice -G ''"),
                Arguments.of("groups appended", args("name", "alice", "groups", "operator", "append", true), Action.UPDATE,
                        "pw usermod -n alice -G operator,wheel"),
                Arguments.of("uid and group", args("name", "alice", "uid", 1100, "group", "www"), Action.UPDATE,
                        "pw usermod -n alice -u 1100 -g www"),
                Arguments.of("new home made by pw", args("name", "alice", "home", "/home/alice2"), Action.UPDATE,
                        "pw usermod -n alice -d /home/alice2"),
                Arguments.of("expiry removed", args("name", "bob", "expires", -1), Action.UPDATE, "pw usermod -n bob -e 0"),
                Arguments.of("unlock", args("name", "bob", "password_lock", false), Action.UPDATE, "pw unlock bob"),
                Arguments.of("lock", args("name", "alice", "password_lock", true), Action.UPDATE, "pw lock alice"),
                Arguments.of("absent", args("name", "bob", "state", "absent"), Action.DELETE, "pw userdel -n bob"),
                Arguments.of("absent with remove", args("name", "bob", "state", "absent", "remove", true), Action.DELETE,
                        "pw userdel -n bob -r"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plans(String what, Map<String, Object> args, Action action, String steps) {
        Planned p = plan(args);
        assertEquals(Planned.Outcome.OK, p.outcome(), () -> p.result().toString());
        assertEquals(action, Plans.action(p));
        assertEquals(steps, Plans.steps(p));
    }

    @Test
    void aNewUserGetsPwsIdsAndDefaults() {
        Planned p = plan(args("name", "carol", "password", HASH));
        Map<String, Object> r = p.result();
        // pw_uidpolicy: highest uid in 1000..32000 plus one; pw_gidpolicy: gid == uid while that gid is free
        assertEquals(1003L, r.get("uid"));
        assertEquals(1003L, r.get("group"));
        assertEquals("User &", r.get("comment"));
        assertEquals("/home/carol", r.get("home"));
        assertEquals("/bin/sh", r.get("shell"));
        assertEquals(UserModule.PASSWORD_SHOWN, r.get("password"));
        assertEquals(true, r.get("create_home"));
        assertEquals(false, r.get("system"));
    }

    @Test
    void thePasswordHashIsInNoArgumentDisplayOrDiff() {
        Planned p = plan(args("name", "alice", "password", "$6$new$Zz9secret"));
        assertEquals(Action.UPDATE, Plans.action(p));
        Step.Exec step = (Step.Exec) p.changes().getFirst().steps().getFirst();
        assertEquals("printf '%s\\n' '$6$new$Zz9secret' | pw usermod -n alice -H 0", step.script());
        assertEquals("pw usermod -n alice -H 0 < (the password hash)", step.display());
        assertFalse(Plans.before(p).contains("secret") || Plans.after(p).contains("secret"));
        assertFalse(Plans.before(p).contains(HASH));
        assertTrue(Plans.before(p).endsWith("password: set\n"), Plans.before(p));
        assertTrue(Plans.after(p).endsWith("password: set (new hash)\n"), Plans.after(p));
        assertEquals(UserModule.PASSWORD_SHOWN, p.result().get("password"));
    }

    @Test
    void aMissingHomeIsMadeForTheUser() {
        Planned p = CannedAnswers.plan(new UserModule(), args("name", "alice"), files(false));
        assertEquals("mkdir -p /home/alice", Plans.steps(p));
        assertTrue(((Step.Exec) p.changes().getFirst().steps().getFirst()).script().contains("chown 1001:1001 /home/alice"));
        Planned moved = CannedAnswers.plan(new UserModule(), args("name", "alice", "home", "/home/a2"), files(false));
        assertEquals("pw usermod -n alice -m -d /home/a2", Plans.steps(moved));
    }

    @Test
    void aMissingGroupFailsAsAnsible() {
        Planned p = plan(args("name", "alice", "groups", "wheel,nosuch"));
        assertEquals(Planned.Outcome.FAILED, p.outcome());
        assertEquals("Group nosuch does not exist", p.result().get("msg"));
        assertEquals("Group ghosts does not exist", plan(args("name", "alice", "group", "ghosts")).result().get("msg"));
        // a new user's groups may come from an earlier task (not run in check mode): checked when pw runs
        Planned create = plan(args("name", "carol", "groups", "wheel,nosuch"));
        assertEquals(Action.CREATE, Plans.action(create));
        Step.Exec step = (Step.Exec) create.changes().getFirst().steps().getFirst();
        assertEquals("pw useradd -n carol -G wheel,nosuch -m", step.display());
        assertTrue(step.script().contains("pw groupshow nosuch >/dev/null 2>&1 || { echo 'Group nosuch does not exist' >&2; exit 1; }"),
                step.script());
    }

    @Test
    void theResultIsAnsibles() {
        Planned p = plan(args("name", "alice", "groups", "wheel"));
        assertEquals(Map.of("name", "alice", "state", "present", "append", false, "move_home", false, "uid", 1001L,
                "group", 1001L, "comment", "Alice", "home", "/home/alice", "shell", "/bin/sh", "groups", "wheel"), p.result());
        Planned gone = plan(args("name", "bob", "state", "absent"));
        assertEquals(Map.of("name", "bob", "state", "absent", "force", false, "remove", false), gone.result());
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(args("state", "present"), "missing required arguments: name"),
                Arguments.of(args("name", "al ice"), "invalid character ` ' at position 2 in userid/group name"),
                Arguments.of(args("name", "-alice"), "invalid character `-' at position 0"),
                Arguments.of(args("name", "a".repeat(33)), "name too long (max is 32)"),
                Arguments.of(args("name", "alice", "comment", "a:b"), "invalid character `:' at position 1 in gecos field"),
                Arguments.of(args("name", "alice", "home", "home/alice"), "must be an absolute path"),
                Arguments.of(args("name", "alice", "password", "x:y"), "password must be an encrypted hash"),
                Arguments.of(args("name", "alice", "state", "locked"), "value of state must be one of: present, absent"),
                Arguments.of(args("name", "alice", "update_password", "never"), "value of update_password must be one of"),
                Arguments.of(args("name", "alice", "uid", "many"), "argument 'uid' of user must be an integer"),
                Arguments.of(args("name", "alice", "expires", "soon"), "unable to convert to float: soon"),
                Arguments.of(args("name", "alice", "non_unique", true), "non_unique requires uid"),
                Arguments.of(args("name", "alice", "generate_ssh_key", true), "generate_ssh_key is not supported"),
                Arguments.of(args("name", "alice", "password_expire_max", 30), "Linux's chage"),
                Arguments.of(args("name", "alice", "create_home", true, "createhome", true), "mutually exclusive: create_home|createhome"),
                Arguments.of(args("name", "alice", "shel", "/bin/sh"), "Unsupported parameters for (user) module: shel"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badArguments")
    void refusesBadArguments(Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(new UserModule(), args));
        assertTrue(e.getMessage().contains(message), e::getMessage);
    }
}
