package dev.jprov.transport;

import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys one connection offers, in order, each public key once (a key both in ssh-agent and in a file would
 * cost the server's MaxAuthTries twice), and what error messages say about them: the offered keys by name and
 * the keys left out with why.
 */
final class KeyOffers {
    private final List<AuthMethod> methods = new ArrayList<>();
    private final List<String> offered = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> publicKeys = new HashSet<>();

    void file(PrivateKeys.Usable key) {
        if (publicKeys.add(key.publicKey())) {
            methods.add(new AuthPublickey(key.provider()));
            offered.add(key.file().toString());
        }
    }

    void agent(AuthAgent method) {
        if (publicKeys.add(method.identity().publicKey())) {
            methods.add(method);
            offered.add(method.identity().describe());
        }
    }

    void skip(String note) {
        skipped.add(note);
    }

    List<AuthMethod> methods() {
        return List.copyOf(methods);
    }

    List<String> offered() {
        return List.copyOf(offered);
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }
}
