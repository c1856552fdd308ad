package dev.jprov.inventory;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code -i} sources in order into one inventory, as Ansible's InventoryManager does: files, directories
 * (their entries in sorted order, recursively, skipping hidden files, group_vars/, host_vars/ and Ansible's ignored
 * extensions) and comma-separated host lists. Later sources add hosts and groups and override variables.
 */
final class InventoryLoader {
    /** Ansible's IGNORED: always-ignored names plus the default INVENTORY_IGNORE_EXTS. */
    private static final Pattern IGNORED = Pattern.compile(
            "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
                    + "|\\.pyc$|\\.pyo$|\\.swp$|\\.bak$|~$|\\.rpm$|\\.md$|\\.txt$|\\.rst$|\\.orig$|\\.ini$|\\.cfg$|\\.retry$");
    /** Files in an inventory directory that Ansible's yaml plugin accepts. */
    private static final List<String> YAML_EXTENSIONS = List.of("", ".yaml", ".yml", ".json");

    private final YamlReader reader;
    private final InventoryBuilder builder = new InventoryBuilder();

    private InventoryLoader(YamlReader reader) {
        this.reader = reader;
    }

    static Inventory load(List<InventorySource> sources, YamlReader reader) {
        InventoryLoader loader = new InventoryLoader(reader);
        for (InventorySource source : sources) loader.parseSource(source);
        return loader.builder.build(sources, reader);
    }

    private void parseSource(InventorySource source) {
        if (source.isHostList()) {
            parseHostList(source.text());
            return;
        }
        Path p = source.path().orElseThrow();
        if (!Files.exists(p)) throw new LoadException(SourceLocation.of(p), "inventory source not found");
        if (Files.isDirectory(p)) {
            parseDirectory(p);
        } else {
            YamlInventoryParser.parse(builder, p, reader);
        }
    }

    private void parseDirectory(Path dir) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(dir), "cannot list inventory directory: " + e.getMessage(), e);
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (IGNORED.matcher(name).find()) continue;
            if (Files.isDirectory(p)) {
                parseDirectory(p);
            } else if (YAML_EXTENSIONS.contains(AdjacentVars.extension(name))) {
                YamlInventoryParser.parse(builder, p, reader);
            } else {
                builder.warn(p + ": skipped, only YAML inventory files (no extension, .yaml, .yml, .json) are read");
            }
        }
    }

    /** Ansible's host_list plugin: {@code a,b:2222,[::1]:22}; new hosts go to 'ungrouped'. */
    private void parseHostList(String text) {
        for (String part : text.split(",")) {
            String h = part.strip();
            if (h.isEmpty()) continue;
            Optional<HostAddress> address = HostAddress.parseWithoutRanges(h);
            String name = address.map(HostAddress::host).orElse(h);
            if (builder.hasHost(name)) continue;
            builder.addHost(name, InventoryBuilder.UNGROUPED, address.flatMap(HostAddress::port), Optional.empty(), text);
        }
    }
}
