package dev.jprov.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The controller's ed25519 key pair (OpenSSH format, made by ssh-keygen so ssh, sshj and Ansible all read it). */
record ControllerKey(Path privateKey, Path publicKey) {

    static ControllerKey generate(Path dir) throws IOException, InterruptedException {
        Path key = dir.resolve("id_ed25519");
        ProcessRunner.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "jprov-testbed-controller",
                "-f", key.toString()).orFail("ssh-keygen (is openssh-client installed? run testbed/setup)");
        return new ControllerKey(key, dir.resolve("id_ed25519.pub"));
    }

    String publicKeyLine() throws IOException {
        return Files.readString(publicKey).trim() + "\n";
    }
}
