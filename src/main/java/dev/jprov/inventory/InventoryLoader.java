package dev.jprov.inventory;

import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code -i} sources in order into one inventory, as Ansible's InventoryManager does: comma-separated
 * host lists, directories (their entries in sorted order, recursively, skipping hidden files, group_vars/,
 * host_vars/ and Ansible's ignored extensions, .ini among them) and files. A file goes to Ansible's inventory
 * plugins in their default order, the first that reads it wins: script (an executable file, or one starting with
 * {@code #!}), yaml (no extension, .yaml, .yml, .json), ini (any file). Later sources add hosts and groups and
 * override variables.
 */
final class InventoryLoader {
    /** Ansible's IGNORED: always-ignored names plus the default INVENTORY_IGNORE_EXTS. */
    private static final Pattern IGNORED = Pattern.compile(
            "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
                    + "|\\.pyc$|\\.pyo$|\\.swp$|\\.bak$|~$|\\.rpm$|\\.md$|\\.txt$|\\.rst$|\\.orig$|\\.ini$|\\.cfg$|\\.retry$");
    /** The yaml plugin's yaml_extensions, and files without one. */
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
            parseFile(p);
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
            if (IGNORED.matcher(p.getFileName().toString()).find()) continue;
            if (Files.isDirectory(p)) {
                parseDirectory(p);
            } else {
                parseFile(p);
            }
        }
    }

    /**
     * Tries the plugins in Ansible's order. Where every one fails, the error is that of the plugin the file was
     * meant for (the script when it starts with #!, else yaml for YAML extensions, else ini), followed by the
     * others'. Unlike Ansible, which only warns and goes on without the source, that stops the load.
     */
    private void parseFile(Path p) {
        List<LoadException> failures = new ArrayList<>();
        boolean script = ScriptInventory.wants(p);
        if (script) {
            try {
                ScriptInventory.parse(builder, p, reader);
                return;
            } catch (ScriptInventory.NotRunnable e) {
                failures.add(e); // not a program after all (an executable YAML file): Ansible tries the others
            }
        }
        String text;
        try {
            text = read(p);
        } catch (LoadException e) {
            if (failures.isEmpty()) throw e;
            throw failures.getFirst(); // a program that would not start, not a text inventory either
        }
        String ext = AdjacentVars.extension(p.getFileName().toString());
        if (YAML_EXTENSIONS.contains(ext)) {
            try {
                YamlInventoryParser.parse(builder, p, text, reader);
                return;
            } catch (YamlInventoryParser.NotYamlInventory e) {
                failures.add(e);
            }
        }
        try {
            IniInventoryParser.parse(builder, p, decrypted(p, text));
            return;
        } catch (LoadException e) {
            failures.add(e);
        }
        LoadException primary = failures.getLast();
        if (script && text.startsWith("#!")) {
            primary = failures.getFirst();
        } else if (!ext.isEmpty() && YAML_EXTENSIONS.contains(ext)) {
            primary = failures.get(script ? 1 : 0);
        }
        StringBuilder others = new StringBuilder();
        for (LoadException f : failures) {
            if (f == primary) continue;
            String kind = f instanceof ScriptInventory.NotRunnable ? "an inventory script"
                    : f instanceof YamlInventoryParser.NotYamlInventory ? "a YAML inventory" : "an INI inventory";
            others.append("\n  not ").append(kind).append(" either: ").append(f.getMessage());
        }
        if (ext.equals(".toml")) others.append("\n  (TOML inventories are not supported)");
        throw new LoadException(primary.location(), primary.problem() + others, primary);
    }

    /**
     * An INI inventory's text, decrypted when the file is vault-encrypted, as Ansible's DataLoader opens it. (The
     * YAML reader decrypts a YAML file itself, and makes its values the run's secrets.)
     */
    private String decrypted(Path p, String text) {
        if (!text.startsWith(Secrets.HEADER)) return text;
        return decode(p, reader.open(text.getBytes(StandardCharsets.US_ASCII), SourceLocation.of(p)));
    }

    /** The file as UTF-8. */
    private static String read(Path p) {
        try {
            return decode(p, Files.readAllBytes(p));
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(p), "cannot read inventory: " + e.getMessage(), e);
        }
    }

    /**
     * Ansible reads bytes that are not UTF-8 as lone surrogates and prints them as '?'; a value or name nobody can
     * type is a mistake, so here it is an error at its line.
     */
    private static String decode(Path p, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new LoadException(new SourceLocation(p, line, 0), "this line is not UTF-8 text (byte 0x"
                    + Integer.toHexString(bytes[in.position()] & 0xFF) + ")");
        }
        return out.flip().toString();
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
