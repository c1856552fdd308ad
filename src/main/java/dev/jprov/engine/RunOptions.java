package dev.jprov.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the command line decides about a run. {@code extraVars} are already parsed (k=v, @file, YAML/JSON).
 * {@code user}/{@code privateKey} override the inventory as ansible-playbook's -u and --private-key do;
 * {@code forceHandlers} is --force-handlers (a play's force_handlers wins), {@code flushCache} --flush-cache.
 */
public record RunOptions(List<Path> inventories, List<Path> playbooks, boolean check, boolean diff,
                         Optional<String> limit, List<String> tags, List<String> skipTags,
                         Map<String, Object> extraVars, int forks, Optional<String> user,
                         Optional<Path> privateKey, int verbosity, boolean acceptNewHostKeys,
                         Optional<Path> jsonReport, Optional<Path> markdownReport, List<Path> rolesPath,
                         Duration connectTimeout, boolean color, boolean forceHandlers, boolean flushCache) {
}
