package dev.jprov.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML files into {@link YamlNode} trees with positions. Uses snakeyaml's composer for structure and
 * its safe constructor for scalar typing, so values are typed as YAML 1.1 (PyYAML, hence Ansible) types them.
 * Syntax errors become {@link LoadException}s pointing at file:line:column.
 *
 * <p>ansible-vault data is opened as Ansible's loader opens it: a file that is a vault envelope is decrypted
 * before it is parsed, and a {@code !vault} scalar becomes its decrypted text. Both happen at load, with the
 * run's {@link Secrets}; every string they yield is registered as a secret so that output masks it.
 */
public final class YamlReader {

    /**
     * Exposes snakeyaml's scalar construction (YAML 1.1 ints, octal, bools, floats, nulls, timestamps as text),
     * and opens {@code !vault} values of one file. {@code secretFile}: the file was vault-encrypted, so its string
     * values are secrets (not its keys, numbers and booleans: masking every "true" would hide nothing).
     */
    private static final class ScalarConstructor extends SafeConstructor {
        private final Path file;
        private final Secrets secrets;
        private final boolean decryptValues;
        private final boolean secretFile;

        ScalarConstructor(LoaderOptions options, Path file, Secrets secrets, boolean decryptValues,
                          boolean secretFile) {
            super(options);
            this.file = file;
            this.secrets = secrets;
            this.decryptValues = decryptValues;
            this.secretFile = secretFile;
        }

        /** A value (not a key): a {@code !vault} scalar decrypted, or kept as ansible-inventory shows it. */
        Object value(ScalarNode node) {
            if (node.getTag().getValue().equals(VAULT_TAG)) {
                if (!decryptValues) {
                    Map<String, Object> encrypted = new LinkedHashMap<>();
                    encrypted.put("__ansible_vault", node.getValue());
                    return encrypted;
                }
                String plain = new String(secrets.decrypt(node.getValue(), at(file, node)), StandardCharsets.UTF_8);
                secrets.register(plain);
                return plain;
            }
            Object value = scalar(node);
            if (secretFile && value instanceof String s) secrets.register(s);
            return value;
        }

        Object scalar(ScalarNode node) {
            if (node.getTag().equals(Tag.TIMESTAMP) || node.getTag().equals(Tag.BINARY)) {
                return node.getValue(); // Ansible keeps dates as strings in practice; avoid java.util.Date.
            }
            return constructObject(node);
        }
    }

    private static final String VAULT_TAG = "!vault";

    private final LoaderOptions options;
    private final Secrets secrets;
    private final boolean decryptValues;

    /** A reader without vault secrets: vault data in what it reads is an error naming the file and line. */
    public YamlReader() {
        this(Secrets.NONE);
    }

    public YamlReader(Secrets secrets) {
        this(secrets, true);
    }

    /**
     * A reader for showing data as ansible-inventory does: encrypted files are opened, but a {@code !vault} value
     * stays encrypted, as the mapping {@code {"__ansible_vault": ENVELOPE}} that Ansible's JSON encoder prints.
     */
    public static YamlReader keepingVaultValues(Secrets secrets) {
        return new YamlReader(secrets, false);
    }

    private YamlReader(Secrets secrets, boolean decryptValues) {
        this.secrets = secrets;
        this.decryptValues = decryptValues;
        options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // PyYAML keeps the last one; so do we.
        options.setMaxAliasesForCollections(200);
        options.setCodePointLimit(64 * 1024 * 1024);
    }

    /** A file's bytes decrypted when they are a vault envelope (for readers of other formats, INI inventories). */
    public byte[] open(byte[] data, SourceLocation where) {
        return secrets.open(data, where);
    }

    /** Reads the first document of a file; an empty file gives null. */
    public YamlNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LoadException(SourceLocation.of(file), "file not found");
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
        return read(file, text);
    }

    public YamlNode read(Path file, String text) {
        List<YamlNode> docs = readAll(file, text);
        return docs.isEmpty() ? null : docs.get(0);
    }

    public List<YamlNode> readAll(Path file, String text) {
        // Only a file can be encrypted whole: text from a template (from_yaml, file null) is YAML as it is.
        boolean encrypted = file != null && text.startsWith(Secrets.HEADER);
        if (encrypted) {
            text = new String(secrets.decrypt(text, SourceLocation.of(file)), StandardCharsets.UTF_8);
        }
        Yaml yaml = new Yaml(options);
        ScalarConstructor constructor = new ScalarConstructor(options, file, secrets, decryptValues, encrypted);
        List<YamlNode> out = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node node : yaml.composeAll(reader)) {
                out.add(convert(file, node, constructor));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation at = mark == null ? SourceLocation.of(file)
                    : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "YAML syntax error" : e.getProblem();
            if (e.getContext() != null) problem = problem + " (" + e.getContext() + ")";
            throw new LoadException(at, "YAML syntax error: " + problem, e);
        } catch (YAMLException e) {
            throw new LoadException(SourceLocation.of(file), "YAML error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(SourceLocation.of(file), e.getMessage(), e);
        }
        return out;
    }

    private static SourceLocation at(Path file, Node node) {
        Mark m = node.getStartMark();
        return m == null ? SourceLocation.of(file) : new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private YamlNode convert(Path file, Node node, ScalarConstructor constructor) {
        if (node.getTag().getValue().equals(UnsafeText.TAG)) return UnsafeText.of(convertUntagged(file, node, constructor));
        return convertUntagged(file, node, constructor);
    }

    private YamlNode convertUntagged(Path file, Node node, ScalarConstructor constructor) {
        if (node instanceof ScalarNode s && s.getTag().getValue().equals(UnsafeText.TAG)) {
            return new YamlNode.Scalar(s.getValue(), at(file, s)); // !unsafe is always a string, as in Ansible
        }
        return switch (node) {
            case ScalarNode s -> new YamlNode.Scalar(constructor.value(s), at(file, s));
            case SequenceNode s -> {
                refuseVaultTag(file, s);
                List<YamlNode> items = new ArrayList<>(s.getValue().size());
                for (Node child : s.getValue()) items.add(convert(file, child, constructor));
                yield new YamlNode.Sequence(items, at(file, s));
            }
            case MappingNode m -> {
                refuseVaultTag(file, m);
                yield convertMapping(file, m, constructor);
            }
            default -> throw new LoadException(at(file, node), "unsupported YAML node " + node.getNodeId());
        };
    }

    private static void refuseVaultTag(Path file, Node node) {
        if (node.getTag().getValue().equals(VAULT_TAG)) {
            throw new LoadException(at(file, node), "!vault tags a string (the output of ansible-vault "
                    + "encrypt_string), not a " + (node instanceof SequenceNode ? "list" : "mapping"));
        }
    }

    private YamlNode.Mapping convertMapping(Path file, MappingNode m, ScalarConstructor constructor) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        // Merge keys (<<) first, so explicit keys of this mapping win as in YAML 1.1.
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                Node v = t.getValueNode();
                List<Node> sources = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
                for (Node src : sources) {
                    if (!(src instanceof MappingNode sm)) {
                        throw new LoadException(at(file, src), "a merge key (<<) needs a mapping");
                    }
                    YamlNode.Mapping merged = convertMapping(file, sm, constructor);
                    entries.putAll(merged.entries());
                    keys.putAll(merged.keyLocations());
                }
            }
        }
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) continue;
            if (!(k instanceof ScalarNode ks)) {
                throw new LoadException(at(file, k), "a mapping key must be a plain value, not a list or mapping");
            }
            Object key = constructor.scalar(ks);
            String name = key == null ? "null" : key instanceof Boolean b ? (b ? "True" : "False") : key.toString();
            entries.remove(name); // keep the position of the last occurrence
            entries.put(name, convert(file, t.getValueNode(), constructor));
            keys.put(name, at(file, k));
        }
        return new YamlNode.Mapping(entries, keys, at(file, m));
    }
}
