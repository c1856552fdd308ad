package dev.jprov;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A program a test runs on this machine. A missing one fails the test with the Debian package to install, as a
 * missing container engine does: a test that cannot run never passes as skipped.
 */
public final class RequiredProgram {
    private RequiredProgram() {}

    /** {@code argv}, once its program (a path, or a name looked up on PATH) is found executable. */
    public static List<String> command(List<String> argv, String debianPackage) {
        String program = argv.getFirst();
        if (!isInstalled(program)) {
            throw new AssertionError(program + " is not installed, and this test runs it: apt-get install "
                    + debianPackage + " (testbed/setup installs what the tests need)");
        }
        return argv;
    }

    private static boolean isInstalled(String program) {
        if (program.contains("/")) return Files.isExecutable(Path.of(program));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
