package dev.jprov.transport;

/**
 * Shell text sent to a target's {@code /bin/sh -s} on standard input. Probes only read; changes write.
 * The split is a type so that a check-mode transport can refuse every change, whatever a module does.
 */
public sealed interface RemoteScript permits RemoteScript.ProbeScript, RemoteScript.ChangeScript {
    String text();

    record ProbeScript(String text) implements RemoteScript {}

    record ChangeScript(String text) implements RemoteScript {}
}
