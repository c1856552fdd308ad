package dev.jprov.modules;

import dev.jprov.RequiredProgram;
import dev.jprov.transport.ExecResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A simulated FreeBSD host in a temp directory, no root needed: the testbed's emulated commands (testbed/emu/bin,
 * first on PATH) with their state below EMU_ROOT, reached through {@link #host()}. Paths under {@link #shared()}
 * are the same for the emulated commands (which prefix EMU_ROOT) and for plain file reads in probes (od, sed):
 * EMU_ROOT/shared is a symlink to it.
 */
public final class EmulatedFreeBsd {
    /** The emulation: testbed/emu of the repository the tests run in. */
    public static final Path EMU = Path.of("testbed/emu").toAbsolutePath();

    private final Path root;
    private final Path shared;
    private final ModuleHost host;

    /** A fresh install's rc files below {@code tmp}/emu; {@code tmp}/shared is seen at the same path from both. */
    public EmulatedFreeBsd(Path tmp) throws IOException {
        // The emulated commands are python3 scripts (#!/usr/bin/python3).
        RequiredProgram.command(List.of("/usr/bin/python3"), "python3");
        root = tmp.resolve("emu");
        shared = tmp.resolve("shared");
        Files.createDirectories(root);
        Files.createDirectories(shared);
        Path link = Path.of(root + shared.toString());
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, shared);
        host = ModuleHost.emulated(Map.of("EMU_ROOT", root.toString(),
                "PATH", EMU.resolve("bin") + ":/usr/sbin:/usr/bin:/sbin:/bin",
                "TMPDIR", tmp.toString()), root.toString());
        ExecResult r = host.exec("sh " + EMU.resolve("lib/emu_install_rc.sh") + " \"$EMU_ROOT\" host");
        if (r.exitCode() != 0) throw new IllegalStateException("emu install failed: " + r.stderrText());
    }

    /** EMU_ROOT: the host's / as the emulated commands see it. */
    public Path root() {
        return root;
    }

    public Path shared() {
        return shared;
    }

    public ModuleHost host() {
        return host;
    }
}
