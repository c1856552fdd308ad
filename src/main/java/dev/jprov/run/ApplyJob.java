package dev.jprov.run;

import dev.jprov.engine.FactStore;
import dev.jprov.engine.PlaybookRun;
import dev.jprov.engine.RunAborted;
import dev.jprov.engine.RunOptions;
import dev.jprov.engine.SshTargets;
import dev.jprov.inventory.HostPatternException;
import dev.jprov.inventory.Inventory;
import dev.jprov.modules.registry.ModuleRegistry;
import dev.jprov.playbook.Play;
import dev.jprov.playbook.Playbook;
import dev.jprov.playbook.PlaybookLoader;
import dev.jprov.playbook.TagSelector;
import dev.jprov.playbook.TaskListFormatter;
import dev.jprov.report.ConsoleReporter;
import dev.jprov.report.JsonLinesReporter;
import dev.jprov.report.MarkdownReview;
import dev.jprov.report.Reporter;
import dev.jprov.source.LoadException;
import dev.jprov.source.YamlReader;
import dev.jprov.vault.SecretMask;
import dev.jprov.vault.Vault;
import dev.jprov.vault.VaultSecretLoader;
import dev.jprov.transport.SshConnector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code jprov apply}: loads the inventory and playbooks, wires the executor to the template engine, the
 * modules and SSH, runs (or lists), and turns the outcome into ansible-playbook's exit code.
 */
public final class ApplyJob {

    /** What the command was asked to do. */
    public enum Mode { RUN, LIST_HOSTS, LIST_TASKS, SYNTAX_CHECK }

    private final ApplyRequest request;
    private final PrintStream out;
    private final PrintStream err;

    public ApplyJob(ApplyRequest request, PrintStream out, PrintStream err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /** The exit code, and the run's result when playbooks ran. */
    public record Outcome(ExitCode code, Optional<PlaybookRun.Result> result) {}

    public ExitCode run(Mode mode) {
        return execute(mode).code();
    }

    public Outcome execute(Mode mode) {
        // Every decrypted vault value goes in here; all that this job prints itself is masked with it too.
        SecretMask mask = new SecretMask();
        try {
            return runChecked(mode, mask);
        } catch (LoadException e) {
            err.println("ERROR! " + mask.mask(e.getMessage()));
            return new Outcome(ExitCode.PARSE_ERROR, Optional.empty());
        } catch (HostPatternException | IllegalArgumentException | VaultSecretLoader.PasswordSourceException e) {
            err.println("ERROR! " + mask.mask(e.getMessage()));
            return new Outcome(ExitCode.ERROR, Optional.empty());
        } catch (RuntimeException e) {
            throw MaskedException.of(e, mask);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ERROR! interrupted");
            return new Outcome(ExitCode.INTERRUPTED, Optional.empty());
        }
    }

    private Outcome runChecked(Mode mode, SecretMask mask) throws InterruptedException {
        Path cwd = Path.of("").toAbsolutePath();
        Vault vault = VaultSetup.of(request.vault(), cwd).open(mask, err);
        // jinjava's set-up is the slowest part of start-up: let it run while files load and hosts connect.
        TemplarTemplating templating = mode == Mode.RUN ? TemplarTemplating.startingNow(vault) : null;
        YamlReader yaml = new YamlReader(vault);
        // The inventory before -e, as ansible-playbook loads them (so the first vault error is the same one).
        Inventory inventory = Inventory.load(request.inventories(), cwd, yaml);
        for (String w : inventory.warnings()) err.println("[WARNING]: " + mask.mask(w));
        RunOptions options = request.runOptions(cwd, yaml);
        ModuleRegistry modules = ModuleRegistry.builtin();
        PlaybookLoader loader = new PlaybookLoader(modules::isModule, rolesPath(options), yaml,
                templating == null ? null : new LoadTimeTemplating(templating, options.extraVars()));
        List<Playbook> playbooks = new ArrayList<>();
        for (Path p : options.playbooks()) {
            Playbook pb = loader.load(p.toAbsolutePath());
            playbooks.add(pb);
            inventory.addPlaybookDirectory(p.toAbsolutePath().getParent());
        }
        InventoryAdapter view = new InventoryAdapter(inventory);
        TagSelector tags = TagSelector.of(options.tags(), options.skipTags());
        if (mode == Mode.SYNTAX_CHECK) {
            for (Path p : options.playbooks()) out.println("\nplaybook: " + p);
            return new Outcome(ExitCode.OK, Optional.empty());
        }
        if (mode == Mode.LIST_HOSTS || mode == Mode.LIST_TASKS) {
            TaskListFormatter formatter = new TaskListFormatter(tags, play -> hostsOf(play, view, options));
            TaskListFormatter.Listing what = new TaskListFormatter.Listing(mode == Mode.LIST_HOSTS,
                    mode == Mode.LIST_TASKS, false);
            for (int i = 0; i < playbooks.size(); i++) {
                out.print(mask.mask(formatter.format(playbooks.get(i), options.playbooks().get(i).toString(), what)));
            }
            return new Outcome(ExitCode.OK, Optional.empty());
        }

        List<Reporter> reporters = new ArrayList<>();
        reporters.add(new ConsoleReporter(out, options.color(), options.verbosity(), options.diff()));
        options.jsonReport().ifPresent(f -> reporters.add(new JsonLinesReporter(f)));
        options.markdownReport().ifPresent(f -> reporters.add(new MarkdownReview(f,
                String.join(" ", options.playbooks().stream().map(Path::toString).toList()))));
        ConnectionVars connection = new ConnectionVars(options, templating, Path.of(System.getProperty("user.home")));
        FactStore facts = FactCacheSettings.from(System.getenv()).store(cwd);
        PlaybookRun run = new PlaybookRun(options, view, modules::find, templating, new LoaderIncludes(loader),
                tags::selects, reporters, vault, facts);
        PlaybookRun.Result result;
        List<Path> dirs = options.playbooks().stream().map(p -> p.toAbsolutePath().getParent()).toList();
        java.util.function.Function<String, java.util.Map<String, Object>> varsOfHost = h -> {
            if (!view.groups().getOrDefault("all", List.of()).contains(h)) return null;
            java.util.Map<String, Object> v = new java.util.LinkedHashMap<>(view.vars(h, dirs));
            v.putAll(options.extraVars());
            return v;
        };
        try (SshTargets targets = new SshTargets(SshConnector.forCurrentUser(), connection::reach, varsOfHost,
                options.check(), PlaybookRun.backupSuffix())) {
            result = run.run(playbooks, targets);
        } finally {
            for (Reporter r : reporters) r.close();
        }
        if (result.aborted().isPresent()) return new Outcome(aborted(result.aborted().get()), Optional.of(result));
        // Ansible's strategy returns RUN_UNREACHABLE_HOSTS before RUN_FAILED_HOSTS when both happened.
        ExitCode code = result.anyUnreachable() ? ExitCode.HOST_UNREACHABLE
                : result.anyFailed() ? ExitCode.HOST_FAILED : ExitCode.OK;
        return new Outcome(code, Optional.of(result));
    }

    /** An aborted run's error, said as ansible-playbook's CLI says it, and its exit code. */
    private ExitCode aborted(RunAborted e) {
        if (e.kind() != RunAborted.Kind.UNEXPECTED) {
            err.println("ERROR! " + e.getMessage());
        } else {
            err.println("ERROR! Unexpected Exception, this is probably a bug: " + e.getMessage());
            if (System.getenv("JPROV_DEBUG") != null) e.getCause().printStackTrace(err);
            else err.println("(set JPROV_DEBUG=1 for the stack trace)");
        }
        return ExitCode.of(e.kind());
    }

    private static List<String> hostsOf(Play play, InventoryAdapter view, RunOptions options) {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        for (String p : play.hosts()) hosts.addAll(view.match(p));
        options.limit().ifPresent(l -> hosts.retainAll(view.match(l)));
        return new ArrayList<>(hosts);
    }

    /** --roles-path (already split by picocli), then ANSIBLE_ROLES_PATH, as ansible-playbook orders them. */
    private static List<Path> rolesPath(RunOptions options) {
        List<String> given = options.rolesPath().stream().map(Path::toString).toList();
        return PlaybookLoader.rolesPath(given, System.getenv("ANSIBLE_ROLES_PATH"));
    }
}
