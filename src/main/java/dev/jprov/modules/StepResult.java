package dev.jprov.modules;

/** What one step printed and returned when it ran. */
public record StepResult(int exitCode, String stdout, String stderr) {
}
