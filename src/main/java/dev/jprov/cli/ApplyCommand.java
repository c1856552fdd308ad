package dev.jprov.cli;

import dev.jprov.run.ApplyJob;
import dev.jprov.run.ApplyRequest;
import dev.jprov.run.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jprov apply}: ansible-playbook's job and flags. */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run playbooks against the inventory's hosts (like ansible-playbook).")
public final class ApplyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PLAYBOOK", description = "Playbook files, run in order.")
    List<Path> playbooks = new ArrayList<>();

    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INVENTORY",
            description = "Inventory file or directory; repeat to merge several, in order.")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Show what would change; change nothing.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show the differences in files and settings.")
    boolean diff;

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET", description = "Limit to hosts matching a pattern.")
    String limit;

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAGS",
            description = "Only run tasks tagged with these.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAGS", description = "Skip tasks tagged with these.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = "Variables as key=value, YAML/JSON, or @file; repeatable; they win over all others.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, defaultValue = "50", description = "Hosts at once (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = {"-u", "--user"}, paramLabel = "REMOTE_USER", description = "Connect as this user.")
    String user;

    @Option(names = {"--private-key", "--key-file"}, paramLabel = "FILE", description = "SSH private key file.")
    Path privateKey;

    @Option(names = "-v", description = "More output: -v results, -vv commands, -vvv connections.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--list-hosts", description = "List the hosts each play would run on, then stop.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List the tasks each play would run, then stop.")
    boolean listTasks;

    @Option(names = "--syntax-check", description = "Load the playbooks and stop.")
    boolean syntaxCheck;

    @Option(names = "--accept-new-host-keys",
            description = "Trust hosts whose key is not in known_hosts yet and record it (changed keys are "
                    + "still refused).")
    boolean acceptNewHostKeys;

    @Option(names = "--report", paramLabel = "FILE.md",
            description = "Write a Markdown review of every change (for --check --diff dry runs).")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write events as JSON lines.")
    Path json;

    @Option(names = "--roles-path", split = ":", paramLabel = "DIR", description = "More directories to find roles in.")
    List<Path> rolesPath = new ArrayList<>();

    @Option(names = {"-T", "--timeout"}, defaultValue = "10", description = "Connect timeout in seconds.")
    int timeout;

    @Option(names = "--force-handlers", description = "Run the notified handlers of hosts that failed too.")
    boolean forceHandlers;

    @Option(names = "--flush-cache", description = "Clear the fact cache of every host in the inventory first.")
    boolean flushCache;

    @Mixin
    VaultArgs vault = new VaultArgs();

    @ParentCommand
    JprovCommand parent;

    @Override
    public Integer call() {
        if (forks < 1) return usage("--forks must be at least 1");
        if (vault.conflict().isPresent()) return usage(vault.conflict().get());
        ApplyRequest request = new ApplyRequest(playbooks, inventories, check, diff, Optional.ofNullable(limit),
                tags, skipTags, extraVars, forks, Optional.ofNullable(user), Optional.ofNullable(privateKey),
                verbose.length, acceptNewHostKeys, Optional.ofNullable(json), Optional.ofNullable(report), rolesPath,
                Duration.ofSeconds(timeout), Boolean.getBoolean("jprov.tty") && System.getenv("NO_COLOR") == null
                        && System.getenv("ANSIBLE_NOCOLOR") == null, forceHandlers, flushCache, vault.request());
        ApplyJob.Mode mode = listHosts ? ApplyJob.Mode.LIST_HOSTS : listTasks ? ApplyJob.Mode.LIST_TASKS
                : syntaxCheck ? ApplyJob.Mode.SYNTAX_CHECK : ApplyJob.Mode.RUN;
        return new ApplyJob(request, parent.out(), parent.err()).run(mode).code();
    }

    private int usage(String message) {
        parent.err().println("ERROR! " + message);
        return ExitCode.BAD_OPTIONS.code();
    }
}
