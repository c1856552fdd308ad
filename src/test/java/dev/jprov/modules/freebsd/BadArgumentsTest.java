package dev.jprov.modules.freebsd;

import static dev.jprov.modules.CannedAnswers.args;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.CannedAnswers;
import dev.jprov.modules.Module;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments are refused before anything is probed, with a message naming what is wrong. */
class BadArgumentsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new ZfsModule(), args("name", "zroot/a", "state", "present", "quota", "1G"),
                        "Unsupported parameters for (zfs) module: quota"),
                Arguments.of(new ZfsModule(), args("name", "zroot/a"), "missing required arguments: state"),
                Arguments.of(new ZfsModule(), args("name", "zroot/my jail", "state", "present"), "component 'my jail'"),
                Arguments.of(new ZfsModule(), args("name", "zroot/a", "state", "present", "extra_zfs_properties",
                        args("quota", "lots")), "quota: 'lots' is not a size"),
                Arguments.of(new ZfsModule(), args("name", "zroot/a", "state", "present", "origin", "zroot/b"),
                        "must be a snapshot"),
                Arguments.of(new ZfsSnapshotModule(), args("name", "snap"), "dataset is required"),
                Arguments.of(new ZfsSnapshotModule(), args("dataset", "zroot/a", "name", "a b"), "not a valid snapshot name"),
                Arguments.of(new ZfsSnapshotModule(), args("dataset", "zroot/a", "name", "x", "state", "gone"),
                        "value of state must be one of"),
                Arguments.of(new SysrcModule(), args("name", "foo.bar", "value", "x"), "may only contain letters"),
                Arguments.of(new SysrcModule(), args("name", "foo"), "value is required with state=present"),
                Arguments.of(new SysrcModule(), args("name", "foo", "value", "a$b"), "contains '$'"),
                Arguments.of(new SysrcModule(), args("name", "foo", "value", "x", "jail", "my jail"),
                        "jail 'my jail' is not a valid jail name"),
                Arguments.of(new SysrcModule(), args("name", "foo", "value", "x", "jail", "j", "root", "/r"),
                        "mutually exclusive: jail|root"),
                Arguments.of(new PkgModule(), args("name", List.of("ok", "bad;rm")), "'bad;rm' is not a package name"),
                Arguments.of(new PkgModule(), args("name", "x", "jail", "j", "chroot", "/c"), "mutually exclusive"),
                Arguments.of(new PkgModule(), args("state", "present"), "missing required arguments: name"),
                Arguments.of(new ServiceModule(), args("name", "sshd"), "one of the following is required: state, enabled"),
                Arguments.of(new ServiceModule(), args("name", "sshd", "state", "running"), "value of state must be one of"),
                Arguments.of(new ServiceModule(), args("name", "sshd", "state", "started", "arguments", "-f 'open"),
                        "service: arguments: No closing quotation in: -f 'open"),
                Arguments.of(new FreebsdUpdateModule(), args("jail", "a", "basedir", "/b"), "mutually exclusive"),
                Arguments.of(new FreebsdUpdateModule(), args("basedir", "jails/a"), "must be an absolute path"),
                Arguments.of(new FreebsdUpdateModule(), args("state", "fetched"), "value of state must be one of"),
                Arguments.of(new JailFactsModule(), args("datasets", "zroot/ja ils"), "not a valid dataset name"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void refuses(Module module, Map<String, Object> args, String message) {
        ArgsException e = assertThrows(ArgsException.class, () -> CannedAnswers.prepare(module, args));
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
    }
}
