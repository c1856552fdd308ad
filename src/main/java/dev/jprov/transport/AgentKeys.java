package dev.jprov.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What ssh-agent offers one connection: the keys jprov can sign with, notes on those it cannot (and on an agent
 * that could not be asked) for the error message if authentication fails, and a one-line status.
 */
record AgentKeys(Optional<AgentClient> client, List<AgentIdentity> keys, List<String> notes, String status) {

    static AgentKeys absent() {
        return new AgentKeys(Optional.empty(), List.of(), List.of(), "SSH_AUTH_SOCK is not set (no ssh-agent)");
    }

    /** The agent could not be reached or answered nonsense: skipped, and said so only if nothing else logs in. */
    static AgentKeys unreachable(AgentClient client, IOException e) {
        String problem = "ssh-agent at " + client.socket() + " unusable: " + e.getMessage();
        return new AgentKeys(Optional.empty(), List.of(), List.of(problem), problem);
    }

    static AgentKeys listed(AgentClient client, List<AgentIdentity> identities) {
        List<AgentIdentity> usable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AgentIdentity identity : identities) {
            if (identity.usable()) {
                usable.add(identity);
            } else {
                notes.add(identity.describe() + ": jprov does not sign with " + identity.keyType() + " keys");
            }
        }
        String status = "ssh-agent at " + client.socket() + " holds " + (usable.isEmpty() ? "no usable key"
                : usable.size() == 1 ? "1 key" : usable.size() + " keys");
        return new AgentKeys(Optional.of(client), List.copyOf(usable), List.copyOf(notes), status);
    }

    /** The agent's copy of a passphrase-protected key file. */
    Optional<AgentIdentity> holding(PrivateKeys.Locked locked) {
        return locked.publicKey().flatMap(key -> keys.stream().filter(k -> k.publicKey().equals(key)).findFirst());
    }

    /** Why {@link #holding} found nothing, for the error message. */
    String whyNotHeld(PrivateKeys.Locked locked) {
        if (locked.publicKey().isEmpty()) {
            return "its public key is unknown without " + locked.file() + ".pub, so jprov cannot find it in ssh-agent";
        }
        return client.map(c -> "the ssh-agent at " + c.socket() + " does not hold it").orElse(status);
    }

    AuthAgent method(AgentIdentity identity) {
        return new AuthAgent(client.orElseThrow(), identity);
    }
}
