package dev.jprov.modules;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a module may use besides its arguments, all given by the executor: the task's variables, local files
 * it is allowed to read (role files/ and templates/ first, then the playbook's directory), and the templater.
 */
public interface ModuleContext {

    /** The task's variables (read-only view, values rendered on access). */
    Map<String, Object> vars();

    /**
     * Finds a local file named by a task ({@code src} of copy/template, include_vars' file) the way Ansible
     * searches: the role's {@code subdir} (files, templates or vars), the role, the directory of the task's own
     * file and its {@code subdir}, the playbook dir's {@code subdir}, the playbook dir.
     * Throws ArgsException naming the places searched when not found.
     */
    Path findLocalFile(String subdir, String name);

    /**
     * A local file's bytes (copy's src), decrypted when it is vault-encrypted and {@code decrypt} is set, as
     * Ansible's copy does by default. Throws ArgsException when it cannot be read or decrypted.
     */
    default byte[] readLocalFile(Path file, boolean decrypt) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new ArgsException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The data of a vars file (include_vars), read as Ansible's loader reads it: YAML or JSON, a vault-encrypted file
     * or {@code !vault} values opened with the run's secrets; null for an empty file. Bad YAML or a secret that does
     * not open is an ArgsException naming the file and line.
     */
    default Object readVarsFile(Path file) {
        throw new ArgsException("vars files cannot be read in this context: " + file);
    }

    /** The role directory of a role's task (include_vars' dir is below its vars/). */
    default java.util.Optional<Path> roleDir() {
        return java.util.Optional.empty();
    }

    /** The directory of the file the task is written in (include_vars' dir is relative to it outside roles). */
    default java.util.Optional<Path> taskDir() {
        return java.util.Optional.empty();
    }

    /** Renders a template file with the task's variables, as Ansible's template module does. */
    String renderTemplate(Path template);

    /** The inventory name of the target, for messages. */
    String hostName();

    /**
     * Evaluates a bare Jinja condition (assert's {@code that}, like {@code when}) with the task's variables.
     * Throws ArgsException when the condition cannot be evaluated (undefined variable, syntax error).
     */
    boolean evaluate(String condition);

    /** Evaluates a bare Jinja expression (debug's {@code var}); empty when it names an undefined variable. */
    java.util.Optional<Object> expression(String expression);

    /** Whether the task runs with --diff (task {@code diff:} keyword included): modules then probe file contents. */
    boolean diff();

    /** The -v count, for debug's {@code verbosity}. */
    int verbosity();

    /**
     * The suffix for backup=yes copies, Ansible's ".PID.YYYY-MM-DD@HH:MM:SS~": the executor reads the clock,
     * modules do not, and the same value is used for every file of one task.
     */
    String backupSuffix();
}
