package dev.jprov.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A host of a namespace testbed (testbed/up NAME --dir DIR), seen from the controller: SSH with the testbed's
 * key and known_hosts, and reboots. Needs root only for testbed/up and down themselves.
 *
 * <pre>{@code
 * NamespaceHost h = NamespaceHost.of(dir, "web1");
 * String before = h.bootTime();
 * h.ssh("shutdown -r now").orFail("shutdown");   // or: h.reboot(Duration.ofSeconds(60))
 * h.awaitBoot(before, Duration.ofSeconds(60));
 * }</pre>
 */
public record NamespaceHost(Path dir, String name) implements RebootableHost {

    public static NamespaceHost of(Path dir, String name) {
        return new NamespaceHost(dir, name);
    }

    /** The host's address on the testbed network (198.18.S.N). */
    public String address() throws IOException {
        return Files.readString(dir.resolve("hosts").resolve(name).resolve("addr")).strip();
    }

    /** argv for OpenSSH's ssh running remoteCommand as root, with strict host key checking. */
    public List<String> sshCommand(String remoteCommand) throws IOException {
        return List.of("ssh", "-i", dir.resolve("id_ed25519").toString(),
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "root@" + address(), remoteCommand);
    }

    @Override
    public ExecResult ssh(String remoteCommand) throws IOException, InterruptedException {
        return ProcessRunner.run(dir, sshCommand(remoteCommand));
    }

    /** The current boot's "SEC USEC" (/var/db/emu/kernel/boottime). */
    @Override
    public String bootTime() throws IOException, InterruptedException {
        return ssh(BootWait.BOOT_TIME_COMMAND).orFail("boot time of " + name).stdout().strip();
    }
}
