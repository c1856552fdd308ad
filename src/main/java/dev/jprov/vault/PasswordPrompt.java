package dev.jprov.vault;

import java.util.Optional;

/** Asks the user for a password without echo; empty when there is no terminal to ask on. */
@FunctionalInterface
public interface PasswordPrompt {
    Optional<char[]> ask(String prompt);

    /** The process's terminal (System.console()); none when input or output is redirected. */
    static PasswordPrompt console() {
        return prompt -> {
            java.io.Console c = System.console();
            if (c == null) return Optional.empty();
            char[] answer = c.readPassword("%s", prompt);
            return Optional.ofNullable(answer);
        };
    }
}
