package dev.jprov.inventory;

import dev.jprov.pyformat.Shlex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What jprov honours of OpenSSH command-line arguments (ansible_ssh_common_args / ansible_ssh_extra_args):
 * {@code -o UserKnownHostsFile=}, {@code -o StrictHostKeyChecking=}, {@code -o ProxyJump=} / {@code -J},
 * {@code -o ProxyCommand="ssh -W %h:%p [user@]jump"}, {@code -o Port=} / {@code -p}, {@code -o User=} / {@code -l},
 * {@code -o IdentityFile=} / {@code -i}, {@code -o ConnectTimeout=}, {@code -o ServerAliveInterval=}. As in ssh,
 * the first value given for an option wins. Anything else is listed in {@link #ignored} so the caller can say so.
 */
public record SshArgs(Optional<Path> knownHostsFile, Optional<String> strictHostKeyChecking, List<JumpHost> jumps,
                      Optional<Integer> port, Optional<String> user, List<Path> identityFiles,
                      Optional<Duration> connectTimeout, Optional<Duration> serverAliveInterval,
                      List<String> ignored) {

    public static final SshArgs NONE = new SshArgs(Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of());

    public SshArgs {
        jumps = List.copyOf(jumps);
        identityFiles = List.copyOf(identityFiles);
        ignored = List.copyOf(ignored);
    }

    /** ssh options that take an argument, so that the argument is not mistaken for a host or an option. */
    private static final String OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

    /** Parses argument strings in order (common args first, then extra args, as Ansible builds the command). */
    public static SshArgs parse(List<String> argumentStrings, Path home) {
        Builder b = new Builder(home);
        for (String s : argumentStrings) {
            if (s == null || s.isBlank()) continue;
            List<String> words;
            try {
                words = Shlex.split(s.strip());
            } catch (Shlex.SplitException e) {
                throw new IllegalArgumentException("ssh arguments: " + e.getMessage(), e);
            }
            b.words(words);
        }
        return b.build();
    }

    static int port(String text, String what) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not a port number (1-65535)");
    }

    private static final class Builder {
        private final Path home;
        private Optional<Path> knownHosts = Optional.empty();
        private Optional<String> strict = Optional.empty();
        private List<JumpHost> jumps;
        private Optional<Integer> port = Optional.empty();
        private Optional<String> user = Optional.empty();
        private final List<Path> identities = new ArrayList<>();
        private Optional<Duration> connectTimeout = Optional.empty();
        private Optional<Duration> aliveInterval = Optional.empty();
        private final List<String> ignored = new ArrayList<>();

        Builder(Path home) {
            this.home = home;
        }

        SshArgs build() {
            return new SshArgs(knownHosts, strict, jumps == null ? List.of() : jumps, port, user, identities,
                    connectTimeout, aliveInterval, ignored);
        }

        void words(List<String> words) {
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (w.length() < 2 || w.charAt(0) != '-') {
                    ignored.add(w);
                    continue;
                }
                // Flags can be bundled (-4Cq); the first one taking an argument ends the bundle.
                for (int k = 1; k < w.length(); k++) {
                    char f = w.charAt(k);
                    if (OPTIONS_WITH_ARGUMENT.indexOf(f) < 0) {
                        ignored.add("-" + f);
                        continue;
                    }
                    String arg;
                    if (k + 1 < w.length()) {
                        arg = w.substring(k + 1);
                    } else if (i + 1 < words.size()) {
                        arg = words.get(++i);
                    } else {
                        throw new IllegalArgumentException("ssh arguments: option -" + f + " needs a value");
                    }
                    option(f, arg);
                    break;
                }
            }
        }

        private void option(char flag, String arg) {
            switch (flag) {
                case 'o' -> config(arg);
                case 'i' -> identities.add(path(arg));
                case 'p' -> port = port.or(() -> Optional.of(port(arg, "ssh -p")));
                case 'l' -> user = user.or(() -> Optional.of(arg));
                case 'J' -> jump(arg);
                default -> ignored.add("-" + flag + " " + arg);
            }
        }

        /** One -o option: "Key=Value" or "Key Value", key case-insensitive. */
        private void config(String option) {
            String s = option.strip();
            int cut = 0;
            while (cut < s.length() && s.charAt(cut) != '=' && !Character.isWhitespace(s.charAt(cut))) cut++;
            String key = s.substring(0, cut).toLowerCase(Locale.ROOT);
            String value = s.substring(cut).strip();
            if (value.startsWith("=")) value = value.substring(1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            String v = value;
            switch (key) {
                case "userknownhostsfile" -> {
                    // Several files may be listed; jprov reads the first.
                    List<String> files = Shlex.split(v);
                    if (!files.isEmpty()) knownHosts = knownHosts.or(() -> Optional.of(path(files.get(0))));
                }
                case "stricthostkeychecking" -> {
                    String mode = v.toLowerCase(Locale.ROOT);
                    if (!List.of("yes", "no", "off", "accept-new", "ask").contains(mode)) {
                        throw new IllegalArgumentException("ssh option StrictHostKeyChecking=" + v
                                + " is not one of yes, no, off, accept-new, ask");
                    }
                    strict = strict.or(() -> Optional.of(mode));
                }
                case "proxyjump" -> jump(v);
                case "proxycommand" -> proxyCommand(v);
                case "port" -> port = port.or(() -> Optional.of(port(v, "ssh option Port")));
                case "user" -> user = user.or(() -> Optional.of(v));
                case "identityfile" -> identities.add(path(v));
                case "connecttimeout" -> connectTimeout = connectTimeout.or(() -> Optional.of(seconds(v, "ConnectTimeout")));
                case "serveraliveinterval" -> aliveInterval = aliveInterval.or(() -> Optional.of(seconds(v, "ServerAliveInterval")));
                default -> ignored.add("-o " + option);
            }
        }

        private void jump(String spec) {
            if (jumps != null) return;
            if (spec.equalsIgnoreCase("none")) {
                jumps = List.of();
                return;
            }
            List<JumpHost> hops = new ArrayList<>();
            for (String hop : spec.split(",")) hops.add(JumpHost.parse(hop.strip()));
            jumps = hops;
        }

        /** Only the common {@code ssh -W %h:%p ... [user@]jump} form, which is a ProxyJump written the old way. */
        private void proxyCommand(String command) {
            if (jumps != null) return;
            if (command.equalsIgnoreCase("none")) {
                jumps = List.of();
                return;
            }
            List<String> w = Shlex.split(command);
            String unsupported = "ssh option ProxyCommand=" + command + " is not supported; only 'ssh -W %h:%p "
                    + "[-p PORT] [-l USER] [user@]JUMPHOST' is (or use ProxyJump)";
            if (w.isEmpty() || !Path.of(w.get(0)).getFileName().toString().equals("ssh")) {
                throw new IllegalArgumentException(unsupported);
            }
            boolean forward = false;
            String destination = null;
            Optional<Integer> jumpPort = Optional.empty();
            Optional<String> jumpUser = Optional.empty();
            for (int i = 1; i < w.size(); i++) {
                String a = w.get(i);
                if (a.startsWith("-") && a.length() >= 2) {
                    char f = a.charAt(1);
                    if (OPTIONS_WITH_ARGUMENT.indexOf(f) < 0) continue;
                    String arg = a.length() > 2 ? a.substring(2) : (i + 1 < w.size() ? w.get(++i) : "");
                    switch (f) {
                        case 'W' -> forward = arg.equals("%h:%p") || arg.equals("[%h]:%p");
                        case 'p' -> jumpPort = Optional.of(port(arg, "ProxyCommand -p"));
                        case 'l' -> jumpUser = Optional.of(arg);
                        case 'i' -> identities.add(path(arg));
                        default -> { /* other options of the jump connection are not honoured */ }
                    }
                } else if (destination == null) {
                    destination = a;
                } else {
                    throw new IllegalArgumentException(unsupported);
                }
            }
            if (!forward || destination == null) throw new IllegalArgumentException(unsupported);
            JumpHost hop = JumpHost.parse(destination);
            jumps = List.of(new JumpHost(hop.user().isPresent() ? hop.user() : jumpUser,
                    hop.host(), hop.port().isPresent() ? hop.port() : jumpPort));
        }

        private Path path(String p) {
            if (p.equals("~")) return home;
            if (p.startsWith("~/")) return home.resolve(p.substring(2));
            return Path.of(p);
        }

        private static Duration seconds(String v, String what) {
            try {
                long s = Long.parseLong(v.strip());
                if (s >= 0) return Duration.ofSeconds(s);
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException("ssh option " + what + "=" + v + " is not a number of seconds");
        }
    }
}
