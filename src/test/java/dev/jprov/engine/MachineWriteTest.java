package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.facts.Resource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which answers another session's writes make stale, within one file system and across a jail and its host. */
class MachineWriteTest {
    private static final FileSystem HOST = FileSystem.HOST;
    private static final FileSystem WEB = new FileSystem.JailRoot("web");
    private static final FileSystem DB = new FileSystem.JailRoot("db");

    private static Resource path(String p) {
        return Resource.path(p);
    }

    private static Resource of(Resource.Kind kind, String name) {
        return new Resource(kind, name);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // written where, what, read where, what: stale answer?, overridden prediction?
                Arguments.of("no writes", HOST, List.of(), HOST, path("/etc/motd"), false, false),
                Arguments.of("same path", HOST, List.of(path("/etc/motd")), HOST, path("/etc/motd"), true, true),
                Arguments.of("another path", HOST, List.of(path("/etc/motd")), HOST, path("/etc/rc.conf"), false, false),
                Arguments.of("file in a read directory", HOST, List.of(path("/usr/local/etc/x")), HOST,
                        path("/usr/local/etc"), true, false),
                Arguments.of("a command", HOST, List.of(Resource.ANY), HOST, of(Resource.Kind.JAIL, "web"), true, true),
                Arguments.of("a jail's file, read from its host", WEB, List.of(path("/etc/rc.conf")), HOST,
                        path("/jails/web/etc/rc.conf"), true, true),
                Arguments.of("the host's file, read in a jail", HOST, List.of(path("/jails/web/etc/motd")), WEB,
                        path("/etc/motd"), true, true),
                Arguments.of("a jail's rc.conf variable, read as a host path", WEB,
                        List.of(of(Resource.Kind.RC_VAR, "sshd_enable")), HOST, path("/jails/web/etc/rc.conf"),
                        true, true),
                Arguments.of("one jail's file, read in another", WEB, List.of(path("/etc/motd")), DB,
                        path("/etc/motd"), true, true),
                Arguments.of("a dataset: one name machine-wide", WEB, List.of(of(Resource.Kind.DATASET, "zroot/a")),
                        HOST, of(Resource.Kind.DATASET, "zroot/b"), false, false),
                Arguments.of("the same dataset from a jail", WEB, List.of(of(Resource.Kind.DATASET, "zroot/a")),
                        HOST, of(Resource.Kind.DATASET, "zroot/a/b"), true, true),
                Arguments.of("a path write does not touch pf", WEB, List.of(path("/etc/pf.conf")), HOST,
                        of(Resource.Kind.PF, "rules"), false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void staleness(String name, FileSystem writer, List<Resource> writes, FileSystem reader, Resource read,
                   boolean stale, boolean overridden) {
        MachineWrite w = new MachineWrite(1, writer, writes, Map.of());
        assertEquals(stale, w.makesStale(reader, read), "answer");
        assertEquals(overridden, w.overrides(reader, read), "prediction");
    }
}
