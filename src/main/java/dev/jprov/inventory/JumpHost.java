package dev.jprov.inventory;

import java.util.Optional;

/** One hop of ProxyJump ({@code [user@]host[:port]}) or of an {@code ssh -W %h:%p} ProxyCommand. */
public record JumpHost(Optional<String> user, String host, Optional<Integer> port) {

    /** Parses {@code [user@]host[:port]}, {@code [user@][v6addr]:port} or {@code ssh://[user@]host[:port]}. */
    static JumpHost parse(String text) {
        String s = text.startsWith("ssh://") ? text.substring("ssh://".length()) : text;
        if (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        Optional<String> user = Optional.empty();
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(s.substring(0, at));
            s = s.substring(at + 1);
        }
        String host = s;
        Optional<Integer> port = Optional.empty();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("ProxyJump '" + text + "': unclosed '['");
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) port = Optional.of(SshArgs.port(rest.substring(1), "ProxyJump " + text));
            else if (!rest.isEmpty()) throw new IllegalArgumentException("ProxyJump '" + text + "' is not [user@]host[:port]");
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = Optional.of(SshArgs.port(s.substring(s.indexOf(':') + 1), "ProxyJump " + text));
        }
        if (host.isEmpty() || user.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("ProxyJump '" + text + "' is not [user@]host[:port]");
        }
        return new JumpHost(user, host, port);
    }
}
