package dev.jprov.cli;

import dev.jprov.run.VaultJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jprov vault}: ansible-vault's encrypt, decrypt, view and encrypt_string, in its formats. */
@Command(name = "vault", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Encrypt and decrypt files and strings as ansible-vault does.",
        subcommands = {VaultCommand.Encrypt.class, VaultCommand.Decrypt.class, VaultCommand.View.class,
                VaultCommand.EncryptString.class})
public final class VaultCommand implements Runnable {

    @ParentCommand
    JprovCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing an action: encrypt, decrypt, view or encrypt_string");
    }

    /** What every action shares: the password options and where to print. */
    abstract static class VaultAction implements Callable<Integer> {
        @Mixin
        VaultArgs vault = new VaultArgs();

        @ParentCommand
        VaultCommand command;

        Optional<String> encryptVaultId() {
            return Optional.empty();
        }

        abstract VaultJob.Action action();

        @Override
        public Integer call() {
            if (vault.conflict().isPresent()) {
                command.parent.err().println("ERROR! " + vault.conflict().get());
                return dev.jprov.run.ExitCode.BAD_OPTIONS.code();
            }
            return new VaultJob(vault.request(), encryptVaultId(), command.parent.out(), command.parent.err())
                    .run(action()).code();
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypt files in place.")
    static final class Encrypt extends VaultAction {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files = new ArrayList<>();

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead ('-' for stdout).")
        Path output;

        @Option(names = "--encrypt-vault-id", paramLabel = "ID", description = "The vault id to encrypt with.")
        String encryptVaultId;

        @Override
        Optional<String> encryptVaultId() {
            return Optional.ofNullable(encryptVaultId);
        }

        @Override
        VaultJob.Action action() {
            return new VaultJob.Encrypt(files, Optional.ofNullable(output));
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypt files in place.")
    static final class Decrypt extends VaultAction {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files = new ArrayList<>();

        @Option(names = "--output", paramLabel = "FILE", description = "Write here instead ('-' for stdout).")
        Path output;

        @Override
        VaultJob.Action action() {
            return new VaultJob.Decrypt(files, Optional.ofNullable(output));
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true, description = "Print decrypted files.")
    static final class View extends VaultAction {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files = new ArrayList<>();

        @Override
        VaultJob.Action action() {
            return new VaultJob.View(files);
        }
    }

    @Command(name = "encrypt_string", mixinStandardHelpOptions = true,
            description = "Encrypt strings into !vault YAML blocks (stdin when no string or '-' is given).")
    static final class EncryptString extends VaultAction {
        @Parameters(arity = "0..*", paramLabel = "STRING")
        List<String> strings = new ArrayList<>();

        @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Variable name of each string, in order.")
        List<String> names = new ArrayList<>();

        @Option(names = "--stdin-name", paramLabel = "NAME", description = "Variable name of the string read from stdin.")
        String stdinName;

        @Option(names = "--encrypt-vault-id", paramLabel = "ID", description = "The vault id to encrypt with.")
        String encryptVaultId;

        @Override
        Optional<String> encryptVaultId() {
            return Optional.ofNullable(encryptVaultId);
        }

        @Override
        VaultJob.Action action() {
            boolean stdin = strings.isEmpty() || strings.contains("-") || stdinName != null;
            return new VaultJob.EncryptString(strings, names, Optional.ofNullable(stdinName), stdin);
        }
    }
}
