package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.RequiredProgram;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.TestModuleContext;
import dev.jprov.modules.commands.CommandModule;
import dev.jprov.transport.ExecResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shell text of the modules' probes under the POSIX shells a target may have: dash (Debian's sh), busybox
 * sh and bash. FreeBSD's sh is an ash like dash; its sha1/od/find are the BSD ones the probes name.
 */
class ProbePortabilityTest {

    @TempDir
    Path dir;

    static Stream<List<String>> shells() {
        return Stream.of(List.of("/bin/dash"), List.of("/bin/busybox", "sh"), List.of("/bin/bash", "--posix"));
    }

    /** The shell, or a failure naming its Debian package (named as the program) where it is missing. */
    private static List<String> installed(List<String> shell) {
        return RequiredProgram.command(shell, Path.of(shell.getFirst()).getFileName().toString());
    }

    private static ProbeAnswer ask(ModuleHost host, String script) {
        ExecResult r = host.exec(script);
        return new ProbeAnswer(r.exitCode(), r.stdoutText(), r.stderrText());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void checksumProbeGivesSha1(List<String> shell) throws IOException {
        installed(shell);
        Path f = dir.resolve("h $x");
        Files.writeString(f, "hello\n");
        ProbeAnswer a = ask(ModuleHost.local(shell), StatModule.checksumProbe(f.toString(), "sha1").script());
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f\n", a.stdout());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void createsGlobMatchesWithoutInjection(List<String> shell) throws IOException {
        installed(shell);
        Files.writeString(dir.resolve("a b.conf"), "");
        ModuleHost host = ModuleHost.local(shell);
        String hit = dir + "/a b*.conf";
        String miss = dir + "/$(touch " + dir + "/pwned)*";
        var inv = CommandModule.command().prepare(new Args("command", Map.of("cmd", "true", "creates", hit)),
                TestModuleContext.simple(dir));
        assertEquals("yes\n", ask(host, ((dev.jprov.facts.Probe.Shell) inv.probes().get(0)).script()).stdout());
        var inv2 = CommandModule.command().prepare(new Args("command", Map.of("cmd", "true", "creates", miss)),
                TestModuleContext.simple(dir));
        assertEquals("no\n", ask(host, ((dev.jprov.facts.Probe.Shell) inv2.probes().get(0)).script()).stdout());
        assertEquals(false, Files.exists(dir.resolve("pwned")));
    }
}
