package dev.jprov.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An executable inventory, run as ansible-core 2.14's script plugin runs it (lib/ansible/plugins/inventory/
 * script.py): {@code SCRIPT --list} prints a JSON object of groups, each a list of hosts or a mapping with
 * {@code hosts}, {@code vars} and {@code children} (a mapping with none of those is one host of that name with
 * those variables); {@code _meta.hostvars} gives every host's variables, and without it the script is asked
 * {@code SCRIPT --host NAME} for each host. Errors name the script, its exit code and what it wrote to stderr.
 */
final class ScriptInventory {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // Python's json reads NaN and Infinity
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final InventoryBuilder inventory;
    private final Path script;
    private final YamlReader reader;
    private final Set<String> hosts = new LinkedHashSet<>();

    private ScriptInventory(InventoryBuilder inventory, Path script, YamlReader reader) {
        this.inventory = inventory;
        this.script = script;
        this.reader = reader;
    }

    /** The script plugin's verify_file: a file that is executable or starts with {@code #!}. */
    static boolean wants(Path file) {
        return Files.isRegularFile(file) && (Files.isExecutable(file) || startsWith(file, "#!"));
    }

    static void parse(InventoryBuilder inventory, Path script, YamlReader reader) {
        new ScriptInventory(inventory, script, reader).parse();
    }

    /** The file could not be started as a program (Ansible then offers it to the other plugins). */
    static final class NotRunnable extends LoadException {
        NotRunnable(Path script, String problem) {
            super(SourceLocation.of(script), problem);
        }
    }

    private LoadException error(String message) {
        return new LoadException(SourceLocation.of(script), message);
    }

    private record Run(int exitCode, byte[] stdout, String stderr) {}

    private Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        String shown = String.join(" ", command);
        // Python's Popen runs only what execve runs; Java would hand a file without "#!" to /bin/sh instead.
        if (!Files.isExecutable(script)) {
            throw new NotRunnable(script, "problem running " + shown + " ([Errno 13] Permission denied: '" + script + "')");
        }
        if (!startsWith(script, "#!") && !startsWith(script, "\u007fELF")) {
            throw new NotRunnable(script, "problem running " + shown + " ([Errno 8] Exec format error: '" + script + "')");
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new NotRunnable(script, "problem running " + shown + " (" + e.getMessage() + ")");
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()),
                    Thread::startVirtualThread);
            byte[] out = readAll(p.getInputStream());
            int code = p.waitFor();
            return new Run(code, out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw error("problem running " + shown + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw error("interrupted while running " + shown);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(Path file, String magic) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length());
            return new String(head, StandardCharsets.ISO_8859_1).equals(magic);
        } catch (IOException e) {
            return false;
        }
    }

    private void parse() {
        Run list = run("--list");
        // Ansible quotes stderr with a final newline; here it ends the message, so without one.
        String err = list.stderr.stripTrailing();
        String errSuffix = err.isEmpty() ? "" : "\n" + err;
        if (list.exitCode != 0) {
            throw error("Inventory script (" + script + ") had an execution error (exit code " + list.exitCode + ")"
                    + (err.isEmpty() ? "" : ": " + err));
        }
        String data;
        try {
            data = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(list.stdout)).toString();
        } catch (CharacterCodingException e) {
            throw error("Inventory " + script + " contained characters that cannot be interpreted as UTF-8: " + e);
        }
        Object processed;
        try {
            processed = JSON.readValue(data, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ")";
            throw error("failed to parse executable inventory script results from " + script + ": "
                    + e.getOriginalMessage() + where + errSuffix);
        }
        if (!(processed instanceof Map<?, ?> groups)) {
            throw error("failed to parse executable inventory script results from " + script
                    + ": needs to be a json dict" + errSuffix);
        }
        if (!err.isEmpty()) inventory.warn(script + " wrote to stderr: " + err);

        Object fromMeta = null;
        boolean haveMeta = false;
        for (Map.Entry<?, ?> e : groups.entrySet()) {
            String group = (String) e.getKey(); // JSON object keys are strings
            if (group.equals("_meta")) {
                if (e.getValue() instanceof Map<?, ?> meta && meta.containsKey("hostvars")) {
                    fromMeta = meta.get("hostvars");
                    haveMeta = true;
                }
            } else {
                parseGroup(group, e.getValue());
            }
        }
        for (String host : hosts) {
            Object vars;
            if (!haveMeta) {
                vars = hostVariables(host);
            } else if (fromMeta instanceof Map<?, ?> meta) {
                vars = meta.containsKey(host) ? meta.get(host) : Map.of();
            } else {
                throw error("Improperly formatted host information for " + host + ": '"
                        + PythonRepr.typeName(fromMeta) + "' object has no attribute 'get'");
            }
            if (!(vars instanceof Map<?, ?> m)) {
                throw error("Invalid data from file, expected dictionary and got:\n\n" + PythonRepr.of(vars)
                        + "\n(the variables of host '" + host + "'" + (haveMeta ? " in _meta.hostvars)" : ", from "
                        + script + " --host " + host + ")"));
            }
            m.forEach((k, v) -> inventory.setHostVar(host, String.valueOf(k), v));
        }
    }

    private void parseGroup(String group, Object data) {
        inventory.addGroup(group);
        Map<Object, Object> body = new LinkedHashMap<>();
        if (!(data instanceof Map<?, ?> m)) {
            body.put("hosts", data); // a bare list of hosts
        } else if (!m.containsKey("hosts") && !m.containsKey("vars") && !m.containsKey("children")) {
            // the short form: a mapping of variables is one host named as the group
            body.put("hosts", List.of(group));
            body.put("vars", m);
        } else {
            body.putAll(m);
        }
        if (body.containsKey("hosts")) {
            if (!(body.get("hosts") instanceof List<?> names)) {
                throw error("You defined a group '" + group + "' with bad data for the host list:\n "
                        + PythonRepr.of(body));
            }
            for (Object name : names) {
                if (!(name instanceof String host)) {
                    throw error("Invalid host name supplied, expected a string but got "
                            + "<class '" + PythonRepr.typeName(name) + "'> for " + PythonRepr.str(name));
                }
                if (host.isEmpty()) throw error("Invalid empty host name provided: ");
                hosts.add(host);
                inventory.addHost(host, group, Optional.empty(), Optional.of(script), script.toString());
            }
        }
        if (body.containsKey("vars")) {
            if (!(body.get("vars") instanceof Map<?, ?> vars)) {
                throw error("You defined a group '" + group + "' with bad data for variables:\n "
                        + PythonRepr.of(body));
            }
            vars.forEach((k, v) -> inventory.setGroupVar(group, String.valueOf(k), v, SourceLocation.of(script)));
        }
        if (data instanceof Map<?, ?> && body.containsKey("children")) {
            Object children = body.get("children");
            Iterable<?> names = switch (children) {
                case List<?> l -> l;
                case Map<?, ?> m -> m.keySet();
                default -> throw error("group '" + group + "' has children that are " + PythonRepr.of(children)
                        + ", not a list of group names");
            };
            for (Object child : names) {
                if (!(child instanceof String c)) {
                    throw error("group '" + group + "' has a child group name that is not a string: "
                            + PythonRepr.of(child));
                }
                inventory.addGroup(c);
                inventory.addChildGroup(group, c, SourceLocation.of(script));
            }
        }
    }

    /**
     * {@code SCRIPT --host NAME}, JSON or YAML. Its exit code is not looked at. An empty answer reads as None,
     * which is an error: Ansible 2.14 means to take it as no variables, but compares the bytes it read with a str.
     */
    private Object hostVariables(String host) {
        Run r = run("--host", host);
        String out = new String(r.stdout, StandardCharsets.UTF_8);
        try {
            YamlNode node = reader.read(script, out);
            return node == null ? null : node.toPlain();
        } catch (LoadException e) {
            throw error("could not parse post variable response: ['" + script + "', '--host', '" + host + "'], "
                    + out.strip() + " (" + e.problem() + ")");
        }
    }
}
