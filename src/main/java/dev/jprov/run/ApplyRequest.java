package dev.jprov.run;

import dev.jprov.engine.RunOptions;
import dev.jprov.source.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code jprov apply}'s command line said, as given: inventory arguments and -e strings are not read yet.
 * The command line hands this over and the wiring makes the engine's {@link RunOptions} from it, so the
 * command-line package needs nothing below the wiring.
 */
public record ApplyRequest(List<Path> playbooks, List<String> inventories, boolean check, boolean diff,
                           Optional<String> limit, List<String> tags, List<String> skipTags,
                           List<String> extraVars, int forks, Optional<String> user, Optional<Path> privateKey,
                           int verbosity, boolean acceptNewHostKeys, Optional<Path> jsonReport,
                           Optional<Path> markdownReport, List<Path> rolesPath, Duration connectTimeout,
                           boolean color, boolean forceHandlers, boolean flushCache, VaultRequest vault) {

    public ApplyRequest {
        playbooks = List.copyOf(playbooks);
        inventories = List.copyOf(inventories);
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        extraVars = List.copyOf(extraVars);
        rolesPath = List.copyOf(rolesPath);
    }

    /**
     * The engine's options; reads the -e arguments ({@code @file} relative to {@code workingDirectory}, opened
     * with {@code yaml} so that a vault-encrypted file works).
     */
    RunOptions runOptions(Path workingDirectory, YamlReader yaml) {
        return new RunOptions(List.of(), playbooks, check, diff, limit, tags, skipTags,
                ExtraVars.parse(extraVars, workingDirectory, yaml), forks, user, privateKey, verbosity, acceptNewHostKeys,
                jsonReport, markdownReport, rolesPath, connectTimeout, color, forceHandlers, flushCache);
    }
}
