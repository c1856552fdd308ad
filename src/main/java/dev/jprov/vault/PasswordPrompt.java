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
            if (c == null || !isTerminal(c)) return Optional.empty();
            char[] answer = c.readPassword("%s", prompt);
            return Optional.ofNullable(answer);
        };
    }

    /**
     * Since JDK 22 System.console() is not null when the streams are redirected; Console.isTerminal() tells. It is
     * called reflectively because jprov is built for Java 21, where a console is only returned for a terminal.
     */
    private static boolean isTerminal(java.io.Console c) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
