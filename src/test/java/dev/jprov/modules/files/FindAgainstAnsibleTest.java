package dev.jprov.modules.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.Args;
import dev.jprov.modules.ModuleHost;
import dev.jprov.modules.Planned;
import dev.jprov.modules.TestModuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * find against Ansible itself: find-expected.json holds what ansible-playbook 2.14's find returned for each case of
 * find-cases.json over the tree that file describes (regenerate with generate-find-expected.py). The same tree is
 * built here and each case runs through the real probe on this machine's find(1) and stat(1). Matches are compared
 * as sets: their order is the directory's, which another tree need not repeat.
 */
class FindAgainstAnsibleTest {

    @TempDir
    static Path dir;

    static Path root;

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> SPEC = (Map<String, Object>) load("find-cases.json");

    private static Object load(String name) {
        try (InputStream in = FindAgainstAnsibleTest.class.getResourceAsStream(name)) {
            return new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void buildTree() throws IOException, InterruptedException {
        root = dir.resolve("tree");
        Files.createDirectories(root);
        for (Map<String, Object> e : (List<Map<String, Object>>) SPEC.get("tree")) {
            Path p = root.resolve((String) e.get("path"));
            if (Boolean.TRUE.equals(e.get("dir"))) {
                Files.createDirectories(p);
            } else if (e.containsKey("link")) {
                Files.createSymbolicLink(p, Path.of((String) e.get("link")));
            } else {
                byte[] bytes = e.containsKey("hex") ? HexFormat.of().parseHex((String) e.get("hex"))
                        : e.containsKey("size") ? new byte[(Integer) e.get("size")]
                        : ((String) e.get("content")).getBytes(StandardCharsets.UTF_8);
                Files.write(p, bytes);
                if (e.containsKey("mode")) {
                    // Files.setPosixFilePermissions has no setuid bit
                    new ProcessBuilder("chmod", (String) e.get("mode"), p.toString()).start().waitFor();
                }
                if (e.containsKey("mtime")) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(((Number) e.get("mtime")).longValue() * 1000));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        Map<String, Object> expected = (Map<String, Object>) load("find-expected.json");
        return ((List<Map<String, Object>>) SPEC.get("cases")).stream()
                .map(c -> Arguments.of(c.get("name"), c.get("args"), expected.get((String) c.get("name"))));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhatAnsibleFinds(String name, Map<String, Object> caseArgs, Map<String, Object> want) {
        check(ModuleHost.local(), caseArgs, want);
    }

    /** The same in a jail's userland: busybox sh, find, stat, od, sed and sha1sum and nothing else on the PATH. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheSameWithBusybox(String name, Map<String, Object> caseArgs, Map<String, Object> want)
            throws IOException {
        Path bin = dir.resolve("busybox-bin");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            String busybox = "/bin/busybox";
            for (String tool : List.of("sh", "find", "stat", "od", "sed", "sha1sum", "date")) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of(busybox));
            }
        }
        check(ModuleHost.local(List.of("/usr/bin/env", "PATH=" + bin, busyboxSh())), caseArgs, want);
    }

    private static String busyboxSh() {
        return dir.resolve("busybox-bin").resolve("sh").toString();
    }

    @SuppressWarnings("unchecked")
    private void check(ModuleHost host, Map<String, Object> caseArgs, Map<String, Object> want) {
        Map<String, Object> args = new LinkedHashMap<>();
        caseArgs.forEach((k, v) -> args.put(k, fill(v)));
        args.putIfAbsent("paths", root.toString());
        Planned planned = host.plan(new FindModule().prepare(new Args("find", args),
                TestModuleContext.simple(dir)));
        Map<String, Object> r = planned.result();
        List<Map<String, Object>> files = (List<Map<String, Object>>) r.get("files");
        List<String> paths = new ArrayList<>(files.stream().map(f -> relative((String) f.get("path"))).toList());
        List<String> wantPaths = new ArrayList<>((List<String>) want.get("paths"));
        paths.sort(null);
        wantPaths.sort(null);
        assertEquals(wantPaths, paths, "paths");
        assertEquals(want.get("matched"), r.get("matched"));
        assertEquals(want.get("examined"), r.get("examined"));
        assertEquals(want.get("msg"), r.get("msg"));
        Map<String, String> skipped = new LinkedHashMap<>();
        ((Map<String, String>) r.get("skipped_paths")).forEach((k, v) ->
                skipped.put(relative(k), v.replace(root.toString(), "{root}")));
        assertEquals(want.get("skipped"), skipped);
        Map<String, Object> first = (Map<String, Object>) want.get("first");
        if (first != null) {
            Map<String, Object> mine = files.stream().filter(f -> relative((String) f.get("path")).equals(first.get("path")))
                    .findFirst().orElseThrow();
            Map<String, Object> comparable = new LinkedHashMap<>(mine);
            comparable.keySet().retainAll(first.keySet());
            comparable.put("path", first.get("path"));
            assertEquals(numbersAsLong(first), numbersAsLong(comparable), "statinfo");
            // the recording leaves out the 9 keys that differ between trees: times, inode, dev, owner and group
            assertEquals(first.size() + 9, mine.size(), "statinfo keys " + mine.keySet());
        }
    }

    /** YAML reads small numbers as Integer, the module gives Long. */
    private static Map<String, Object> numbersAsLong(Map<String, Object> m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Integer i ? (Object) i.longValue() : v));
        return out;
    }

    private static Object fill(Object v) {
        if (v instanceof List<?> l) return l.stream().map(FindAgainstAnsibleTest::fill).toList();
        return v instanceof String s ? s.replace("{root}", root.toString()) : v;
    }

    private static String relative(String path) {
        return root.relativize(Path.of(path)).toString();
    }
}
