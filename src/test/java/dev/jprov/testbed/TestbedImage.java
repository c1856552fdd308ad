package dev.jprov.testbed;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The host image (localhost/jprov-testbed-host), built by testbed/image/build. Before the first container starts,
 * the hash of the testbed files is computed and the image tagged with it is used (built when missing: a few seconds
 * on top of the cached base image), so a test never runs yesterday's emulation, and two checkouts with different
 * emulations never start each other's image.
 */
final class TestbedImage {
    private static final String REPOSITORY = "localhost/jprov-testbed-host";
    private static final String LABEL = "dev.jprov.inputs";

    private final Path repo;
    private String inputs;

    private TestbedImage(Path repo) {
        this.repo = repo;
    }

    /** The repository holding testbed/, searched upwards from the working directory. */
    static TestbedImage ofRepository() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve("testbed/image/build"))) {
                return new TestbedImage(d);
            }
        }
        throw new IllegalStateException("no testbed/image/build above " + dir + ": run the tests from the jprov repository");
    }

    Path repository() {
        return repo;
    }

    /** The image built from testbed/'s files as they are now (after {@link #ensureCurrent}). */
    synchronized String name() {
        if (inputs == null) throw new IllegalStateException("ensureCurrent was not called");
        return REPOSITORY + ":" + inputs;
    }

    /** Makes sure the image of testbed/'s files exists; builds it otherwise. */
    synchronized void ensureCurrent(DockerClient docker) throws IOException, InterruptedException {
        String want = ProcessRunner.run(repo, "testbed/image/build", "--print-inputs")
                .orFail("testbed/image/build --print-inputs").stdout().trim();
        String tagged = REPOSITORY + ":" + want;
        if (want.equals(label(docker, tagged))) {
            inputs = want;
            return;
        }
        ExecResult build = ProcessRunner.run(repo, "testbed/image/build");
        build.orFail("testbed/image/build (the image " + tagged + " was missing; run testbed/setup as root)");
        String have = label(docker, tagged);
        if (!want.equals(have)) {
            throw new IllegalStateException("testbed/image/build left " + tagged + " with inputs " + have
                    + "\n" + build.stdout() + build.stderr());
        }
        inputs = want;
    }

    private static String label(DockerClient docker, String image) {
        try {
            Map<String, String> labels = docker.inspectImageCmd(image).exec().getConfig().getLabels();
            return labels == null ? null : labels.get(LABEL);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The engine's client, or a failure that says how to get one: a missing engine must fail a test, not skip it. */
    static DockerClient engine() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("no container engine answers: the testbed's container tests need one. "
                    + "Run `testbed/setup` as root (it installs podman and starts `podman system service` on "
                    + "unix:///run/podman/podman.sock, linked from /var/run/docker.sock), and run the tests with "
                    + "TESTCONTAINERS_RYUK_DISABLED=true");
        }
        return DockerClientFactory.instance().client();
    }
}
