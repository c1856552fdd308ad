package dev.jprov.inventory;

import java.util.Locale;

/** How a host is reached ({@code ansible_connection}). */
public enum ConnectionKind {
    /** over SSH (ansible's ssh, paramiko and smart all mean this here) */
    SSH,
    /** commands run on the controller itself */
    LOCAL,
    /** a jail of another inventory host ({@code jail_host}), entered with jexec over that host's connection */
    JAIL;

    static ConnectionKind of(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "ssh", "smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh", "ansible.builtin.paramiko_ssh" -> SSH;
            case "local", "ansible.builtin.local" -> LOCAL;
            case "jail", "community.general.jail" -> JAIL;
            default -> throw new IllegalArgumentException("ansible_connection '" + value
                    + "' is not supported (use ssh, local or jail)");
        };
    }
}
