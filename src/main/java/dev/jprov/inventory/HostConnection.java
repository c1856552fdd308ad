package dev.jprov.inventory;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A host's connection variables, read from its merged (and already templated) variables: ansible_host,
 * ansible_port, ansible_user, ansible_ssh_private_key_file, ansible_ssh_common_args / ansible_ssh_extra_args,
 * ansible_become / ansible_become_method / ansible_become_user, ansible_connection and jail_host. Ansible's
 * older aliases are read too (ansible_ssh_host, ansible_ssh_port, ansible_ssh_user, ansible_private_key_file);
 * where both are set the later one in Ansible's list wins, as in Ansible.
 *
 * <p>For {@link ConnectionKind#JAIL} the jail's name is {@code ansible_host} (default: the inventory name), as
 * Ansible's jail connection takes it, and {@code jail_host} names the inventory host that runs the jail.
 */
public record HostConnection(String name, ConnectionKind kind, String address, Optional<Integer> port,
                             Optional<String> user, Optional<Path> privateKey, SshArgs ssh,
                             BecomeVars become, Optional<String> jailHost) {

    public static HostConnection from(String inventoryName, Map<String, ?> vars, Path home) {
        try {
            ConnectionKind kind = text(vars, "ansible_connection").map(ConnectionKind::of).orElse(ConnectionKind.SSH);
            String address = text(vars, "ansible_host", "ansible_ssh_host").orElse(inventoryName);
            Optional<Integer> port = last(vars, "ansible_port", "ansible_ssh_port").map(HostConnection::port);
            Optional<String> user = text(vars, "ansible_user", "ansible_ssh_user");
            Optional<Path> key = text(vars, "ansible_private_key_file", "ansible_ssh_private_key_file")
                    .map(p -> expandHome(p, home));
            List<String> args = new ArrayList<>();
            text(vars, "ansible_ssh_common_args").ifPresent(args::add);
            text(vars, "ansible_ssh_extra_args").ifPresent(args::add);
            SshArgs ssh = SshArgs.parse(args, home);
            BecomeVars become = become(vars);
            Optional<String> jailHost = text(vars, "jail_host");
            if (kind == ConnectionKind.JAIL && jailHost.isEmpty()) {
                throw new IllegalArgumentException("ansible_connection: jail needs jail_host (the inventory host that runs the jail)");
            }
            return new HostConnection(inventoryName, kind, address, port, user, key, ssh, become, jailHost);
        } catch (IllegalArgumentException e) {
            throw new ConnectionVarsException("host " + inventoryName + ": " + e.getMessage(), e);
        }
    }

    /** The jail to enter with jexec, for a {@link ConnectionKind#JAIL} host. */
    public String jailName() {
        return address;
    }

    /** The port to connect to: ansible_port, else -p / -o Port= from the ssh arguments, else 22. */
    public int effectivePort() {
        return port.or(ssh::port).orElse(22);
    }

    private static BecomeVars become(Map<String, ?> vars) {
        boolean enabled = last(vars, "ansible_become").map(v -> bool(v, "ansible_become")).orElse(false);
        String method = text(vars, "ansible_become_method").orElse("sudo").toLowerCase(Locale.ROOT);
        if (method.startsWith("ansible.builtin.") || method.startsWith("community.general.")) {
            method = method.substring(method.lastIndexOf('.') + 1);
        }
        return new BecomeVars(enabled, method, text(vars, "ansible_become_user").orElse("root"));
    }

    /** The value of the last of the names that is set and not null (Ansible's rule for aliased variables). */
    private static Optional<Object> last(Map<String, ?> vars, String... names) {
        Object found = null;
        for (String n : names) {
            Object v = vars.get(n);
            if (v != null) found = v;
        }
        return Optional.ofNullable(found);
    }

    private static Optional<String> text(Map<String, ?> vars, String... names) {
        return last(vars, names).map(v -> {
            if (v instanceof Map || v instanceof List) {
                throw new IllegalArgumentException(names[names.length - 1] + " must be a string, not a "
                        + (v instanceof Map ? "mapping" : "list"));
            }
            return v.toString();
        });
    }

    private static int port(Object v) {
        long p;
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            p = ((Number) v).longValue();
        } else if (v instanceof String s && s.strip().matches("[0-9]{1,5}")) {
            p = Long.parseLong(s.strip());
        } else {
            throw new IllegalArgumentException("ansible_port '" + v + "' is not a port number");
        }
        if (p < 1 || p > 65535) throw new IllegalArgumentException("ansible_port " + p + " is not between 1 and 65535");
        return (int) p;
    }

    /** Ansible's boolean(): yes/no, true/false, on/off, 1/0, y/n, t/f in any case. */
    static boolean bool(Object v, String what) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n && (n.doubleValue() == 1 || n.doubleValue() == 0)) return n.doubleValue() == 1;
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "yes", "on", "1", "true", "t", "y", "1.0" -> { return true; }
                case "no", "off", "0", "false", "f", "n", "0.0", "" -> { return false; }
                default -> { }
            }
        }
        throw new IllegalArgumentException(what + " '" + v + "' is not a boolean (use true or false)");
    }

    private static Path expandHome(String p, Path home) {
        if (p.equals("~")) return home;
        if (p.startsWith("~/")) return home.resolve(p.substring(2));
        return Path.of(p);
    }
}
