package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A playbook fixture that was also run with ansible-playbook 2.14 (Debian's ansible-core 2.14.18, hosts with
 * {@code ansible_connection: local}), next to what Ansible printed: src/test/resources/it/ansible/CASE/ holds
 * the playbook, roles and files, {@code hosts.tmpl} (the inventory; {@code @OUT@} is each host's base dir's
 * parent) and {@code ansible-VARIANT.out}, Ansible's output normalized by {@link #normalize}.
 *
 * <p>Normalized output: hosts finish a task in any order in both tools, so the result lines under each banner are
 * sorted by host (a diff stays with the line it belongs to); blank lines, timings (delta/start/end) and
 * Ansible's temp file names (TMP) are dropped; the base directory reads OUT and the fixture directory DIR; the
 * exit code is the last line.
 */
final class AnsibleParity {
    private static final Pattern BLOCK = Pattern.compile("^(TASK \\[|PLAY \\[|RUNNING HANDLER \\[|PLAY RECAP).*");
    private static final Pattern START = Pattern.compile("^(ok|changed|skipping|fatal|failed|included|\\[WARNING]).*");
    private static final Pattern HOST = Pattern.compile("\\[([^\\]]+)]");

    final Path dir;
    final String name;

    private AnsibleParity(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** Copies fixture {@code name} into {@code temp} and writes its inventory, hosts.yaml. */
    static AnsibleParity copy(String name, Path temp) {
        try {
            URL url = AnsibleParity.class.getResource("/it/ansible/" + name);
            if (url == null) throw new IllegalArgumentException("no fixture " + name);
            Path from = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                    Path to = temp.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) Files.createDirectories(to);
                    else Files.copy(f, to);
                }
            }
            String inventory = Files.readString(temp.resolve("hosts.tmpl")).replace("@OUT@", temp.resolve("out").toString());
            Files.writeString(temp.resolve("hosts.yaml"), inventory);
            // The hosts' base dirs share this parent; made here so that no two hosts race to create it (the
            // file module's mkdir of a missing parent fails when another host made it after the probe).
            Files.createDirectories(temp.resolve("out"));
            return new AnsibleParity(name, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path out(String host) {
        return dir.resolve("out").resolve(host);
    }

    /** {@code jprov apply -i hosts.yaml PLAYBOOK ARGS}; {@code @DIR@} in an argument is the fixture's directory. */
    Jprov.Run run(String playbook, String... args) {
        List<String> all = new ArrayList<>(List.of("apply", "-i", dir.resolve("hosts.yaml").toString(),
                dir.resolve(playbook).toString()));
        for (String a : args) all.add(a.replace("@DIR@", dir.toString()));
        return Jprov.run(all.toArray(String[]::new));
    }

    /** What ansible-playbook printed for this variant (normalized). */
    String ansible(String variant) {
        try (InputStream in = AnsibleParity.class.getResourceAsStream("/it/ansible/" + name + "/ansible-" + variant
                + ".out")) {
            if (in == null) throw new IllegalArgumentException("no ansible-" + variant + ".out in " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that jprov's console output, normalized, is what Ansible printed for {@code variant} once the
     * {@code known} differences are applied to Ansible's text; on a mismatch both are kept (see {@link #keep}).
     */
    void assertPrintsAsAnsible(String variant, Jprov.Run run, List<PlaybookSemanticsTest.Known> known) {
        String expected = ansible(variant);
        for (PlaybookSemanticsTest.Known k : known) expected = k.apply(expected);
        String actual = normalized(run);
        if (!expected.equals(actual)) keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }

    /**
     * Asserts that {@code host} took Ansible's way through the run of {@code variant} (its {@link #transcript}s),
     * and that the recap and the exit code are Ansible's: for runs where the console's order depends on timing.
     */
    void assertSameWay(String variant, Jprov.Run run, String host) {
        String ansible = ansible(variant);
        assertEquals(String.join("\n", transcript(ansible, host)),
                String.join("\n", transcript(run, host)), run.toString());
        assertEquals(recap(ansible), recap(normalized(run)), run.toString());
        assertEquals(ansible.substring(ansible.lastIndexOf("exit ")),
                "exit " + run.exitCode());
    }

    /** On a mismatch: both texts under target/parity/, for diff(1). */
    void keep(String variant, String expected, String actual) {
        try {
            Path d = Path.of("target", "parity");
            Files.createDirectories(d);
            Files.writeString(d.resolve(name + "-" + variant + ".ansible"), expected + "\n");
            Files.writeString(d.resolve(name + "-" + variant + ".jprov"), actual + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jprov's console output of a run, normalized as Ansible's was. */
    String normalized(Jprov.Run run) {
        String text = run.out().replace(dir.resolve("out").toString(), "OUT").replace(dir.toString(), "DIR");
        return normalize(text + "\nexit " + run.exitCode());
    }

    static String normalize(String output) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (BLOCK.matcher(line).matches()) {
                flush(block, out);
                block.clear();
                out.add(line);
            } else {
                block.add(line);
            }
        }
        flush(block, out);
        String text = String.join("\n", out);
        text = text.replaceAll("\"(delta|end|start)\": \"[^\"]*\", ", "");
        text = text.replaceAll("/root/\\.ansible/tmp/\\S*", "TMP");
        return text.strip();
    }

    /** The entries of one banner's block sorted by host; diff lines belong to the result line after them. */
    private static void flush(List<String> block, List<String> out) {
        List<List<String>> entries = new ArrayList<>();
        List<String> prefix = new ArrayList<>();
        boolean inPrefix = false;
        for (String l : block) {
            if (l.isBlank()) continue;
            if (l.startsWith("--- before")) inPrefix = true;
            if (START.matcher(l).matches()) {
                List<String> e = new ArrayList<>(prefix);
                e.add(l);
                entries.add(e);
                prefix.clear();
                inPrefix = false;
            } else if (inPrefix || entries.isEmpty()) {
                prefix.add(l);
            } else {
                entries.get(entries.size() - 1).add(l);
            }
        }
        if (!prefix.isEmpty()) entries.add(new ArrayList<>(prefix));
        entries.sort(Comparator.comparing(AnsibleParity::hostOf)); // stable: a host's lines keep their order
        for (List<String> e : entries) out.addAll(e);
    }

    private static String hostOf(List<String> entry) {
        for (String l : entry) {
            if (START.matcher(l).matches()) {
                Matcher m = HOST.matcher(l);
                return m.find() ? m.group(1) : "";
            }
        }
        return "";
    }

    /**
     * One host's way through the run as Ansible printed it: "BANNER | word [item]" per result line of the host
     * ("included:" lines left out). Compared with {@link #transcript(Jprov.Run, String)} where hosts take
     * different paths (rescue, handlers) and the order of blocks in the console depends on timing.
     */
    static List<String> transcript(String normalizedAnsible, String host) {
        List<String> out = new ArrayList<>();
        String banner = null;
        Pattern item = Pattern.compile("\\(item=(.*?)\\)");
        for (String l : normalizedAnsible.split("\n")) {
            if (BLOCK.matcher(l).matches()) {
                banner = l.replaceAll(" \\*+$", "");
                continue;
            }
            if (!START.matcher(l).matches() || l.startsWith("included") || !l.contains("[" + host + "]")) continue;
            String word = l.substring(0, l.indexOf(':'));
            Matcher m = item.matcher(l);
            out.add(banner + " | " + word + (m.find() ? " " + m.group(1) : ""));
        }
        return out;
    }

    /** The same from jprov's task events (--json), which list every result whatever the console's order. */
    static List<String> transcript(Jprov.Run run, String host) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : run.tasks(host)) {
            String status = e.path("status").asText();
            boolean hasItem = e.hasNonNull("item");
            // jprov's engine closes a failed loop with a summary result; Ansible's callback prints nothing for it
            if (!hasItem && e.path("result").path("msg").asText().equals("One or more items failed")) continue;
            String word = switch (status) {
                case "ok", "rescued" -> "ok";
                case "changed" -> "changed";
                case "skipped" -> "skipping";
                case "failed", "ignored", "unreachable" -> hasItem ? "failed" : "fatal";
                default -> status;
            };
            String banner = (e.path("handler").asBoolean() ? "RUNNING HANDLER [" : "TASK [") + e.path("task").asText()
                    + "]";
            out.add(banner + " | " + word + (hasItem ? " " + e.path("item").asText() : ""));
        }
        return out;
    }

    /** The recap lines, as printed. */
    static List<String> recap(String normalized) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : normalized.split("\n")) {
            if (l.startsWith("PLAY RECAP")) {
                in = true;
                continue;
            }
            if (in && !l.startsWith("exit ")) out.add(l);
        }
        return out;
    }
}
