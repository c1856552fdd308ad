package dev.jprov.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * An Ansible YAML inventory for testbed hosts, in the shape testbed/up writes (every connection variable per host,
 * so it also works as a second -i over a real inventory). Both jprov and Debian's ansible-playbook read it.
 */
public final class AnsibleInventory {
    private AnsibleInventory() {}

    /** Writes the inventory for hosts to a new temporary file and returns its path. */
    public static Path write(Collection<TestbedHost> hosts, Optional<String> freebsdMirror) throws IOException {
        Path file = Files.createTempFile("jprov-testbed-inventory", ".yaml");
        Files.writeString(file, render(hosts, freebsdMirror), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Collection<TestbedHost> hosts, Optional<String> freebsdMirror) {
        StringBuilder y = new StringBuilder("all:\n  hosts:\n");
        if (hosts.isEmpty()) {
            y.setLength(0);
            y.append("all:\n  hosts: {}\n");
        }
        for (TestbedHost h : hosts) {
            y.append("    ").append(h.name()).append(":\n");
            y.append("      ansible_host: ").append(h.host()).append('\n');
            y.append("      ansible_port: ").append(h.port()).append('\n');
            y.append("      ansible_user: root\n");
            y.append("      ansible_ssh_private_key_file: ").append(quoted(h.privateKey().toString())).append('\n');
            y.append("      ansible_ssh_common_args: ").append(quoted("-o UserKnownHostsFile=" + h.knownHosts()
                    + " -o StrictHostKeyChecking=yes")).append('\n');
            y.append("      ansible_python_interpreter: /usr/bin/python3\n");
            freebsdMirror.ifPresent(url -> y.append("      freebsd_mirror: ").append(quoted(url)).append('\n')
                    .append("      pkg_repo_url: ").append(quoted(pkgRepoUrl(url))).append('\n'));
        }
        return y.toString();
    }

    /** The mirror's pkg repository (testbed/mirror/build-pkg-repo); pkg expands ${ABI} itself. */
    static String pkgRepoUrl(String freebsdMirror) {
        return freebsdMirror.replaceFirst("/+$", "") + "/pkg/${ABI}/latest";
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
