package dev.jprov.transport;

import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host key verification for one connection against an OpenSSH known_hosts file (hashed entries and
 * [host]:port entries matched by sshj). Refusals are kept as a sentence telling the operator what to do,
 * because sshj's own exception only says "could not verify".
 * Unknown key: refused, or with {@code acceptNew} recorded in the file (trust on first use). Changed key:
 * always refused. Unknown key of a new type while keys of other types are known for the host: refused even
 * with {@code acceptNew} (stricter than OpenSSH's accept-new; a swapped key type is how a MITM would look).
 */
final class KnownHostsCheck extends OpenSSHKnownHosts {
    private final Path file;
    private final int port;
    private final boolean acceptNew;
    private final Object appendLock;
    private volatile String refusal;

    KnownHostsCheck(Path file, int port, boolean acceptNew, Object appendLock) throws IOException {
        super(file.toFile());
        this.file = file;
        this.port = port;
        this.acceptNew = acceptNew;
        this.appendLock = appendLock;
    }

    /** Why the host key was refused, when it was. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        boolean ok = super.verify(hostname, port, key);
        if (!ok && refusal == null) {
            refusal = "host key " + HostKey.of(key) + " for " + knownHostsName(hostname) + " is refused by "
                    + file + " (marked @revoked, or its entry cannot be read)";
        }
        return ok;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String adjustedHost, PublicKey key) {
        HostKey offered = HostKey.of(key);
        List<HostKey> known = knownKeys(adjustedHost);
        if (!known.isEmpty()) {
            refusal = "host key for " + adjustedHost + " is of a type not in " + file + ": the host offered "
                    + offered + ", known are " + describe(known) + ". If the host's keys really changed, remove "
                    + "the old ones (ssh-keygen -R '" + adjustedHost + "' -f " + file + ") and add the new one";
            return false;
        }
        if (!acceptNew) {
            String host = bareHost(adjustedHost);
            refusal = "host key for " + adjustedHost + " is not known (" + offered + "); add it to " + file
                    + " (ssh-keyscan -p " + port + " " + host + " >> " + file + ", after checking the fingerprint)"
                    + " or run with --accept-new-host-keys";
            return false;
        }
        try {
            append(adjustedHost + " " + offered.type() + " " + offered.base64());
            return true;
        } catch (IOException e) {
            refusal = "host key for " + adjustedHost + " is new and could not be recorded in " + file + ": " + e;
            return false;
        }
    }

    @Override
    protected boolean hostKeyChangedAction(String adjustedHost, PublicKey key) {
        HostKey offered = HostKey.of(key);
        if (revoked(adjustedHost).contains(offered)) {
            refusal = "host key " + offered + " for " + adjustedHost + " is marked @revoked in " + file
                    + ": the host must not be trusted with it";
            return false;
        }
        refusal = "host key for " + adjustedHost + " has CHANGED: the host offered " + HostKey.of(key) + " but "
                + file + " has " + describe(knownKeys(adjustedHost)) + ". Someone could be intercepting the "
                + "connection, or the host was reinstalled. If the change is expected, remove the old key "
                + "(ssh-keygen -R '" + adjustedHost + "' -f " + file + ") and add the new one";
        return false;
    }

    private List<HostKey> knownKeys(String adjustedHost) {
        return keys(adjustedHost, false);
    }

    private List<HostKey> revoked(String adjustedHost) {
        return keys(adjustedHost, true);
    }

    private List<HostKey> keys(String adjustedHost, boolean revoked) {
        List<HostKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries()) {
            try {
                if (!entry.appliesTo(adjustedHost)) continue;
            } catch (IOException e) {
                continue;
            }
            // getLine() is "[@marker] hosts type base64 [comment]": the key is the two fields after the hosts.
            String[] fields = entry.getLine().trim().split("\\s+");
            boolean isRevoked = fields[0].equals("@revoked");
            int at = fields[0].startsWith("@") ? 2 : 1;
            if (isRevoked == revoked && fields.length > at + 1) keys.add(new HostKey(fields[at], fields[at + 1]));
        }
        return keys;
    }

    private String describe(List<HostKey> keys) {
        List<String> parts = new ArrayList<>();
        List<String> lines = readLines();
        for (HostKey key : keys) {
            int line = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(key.base64())) {
                    line = i + 1;
                    break;
                }
            }
            parts.add(key + (line > 0 ? " (line " + line + ")" : ""));
        }
        return String.join(", ", parts);
    }

    private List<String> readLines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private void append(String line) throws IOException {
        synchronized (appendLock) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            // A file whose last line has no newline would glue our entry onto it.
            boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline();
            Files.writeString(file, (needsNewline ? "\n" : "") + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }

    private boolean endsWithNewline() throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all.length == 0 || all[all.length - 1] == '\n';
    }

    private static String bareHost(String adjustedHost) {
        if (adjustedHost.startsWith("[")) {
            int end = adjustedHost.indexOf("]:");
            if (end > 0) return adjustedHost.substring(1, end);
        }
        return adjustedHost;
    }

    private String knownHostsName(String hostname) {
        return port == 22 ? hostname : "[" + hostname + "]:" + port;
    }
}
