package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ansible-core 2.14's set_fact target with a persistent fact cache (targets-factcache): two runs of jprov as a
 * process, with ANSIBLE_CACHE_PLUGIN=jsonfile and ANSIBLE_CACHE_PLUGIN_CONNECTION set as the target's runme.sh sets
 * them; each run's output and the cache file are what ansible-playbook printed and wrote.
 */
class FactCacheTargetTest {

    @Test
    void cacheableFactsOutliveTheRunInAJsonfileCache(@TempDir Path temp) throws Exception {
        AnsibleParity p = AnsibleParity.copy("targets-factcache", temp);
        Path cache = temp.resolve("cache");
        for (String playbook : List.of("first", "second")) {
            String out = jprov(temp, cache, playbook + ".yaml");
            String actual = AnsibleParity.normalize(out.replace(temp.resolve("out").toString(), "OUT")
                    .replace(temp.toString(), "DIR"));
            String expected = p.ansible(playbook);
            if (!expected.equals(actual)) p.keep(playbook, expected, actual);
            assertEquals(expected, actual);
        }
        assertEquals(resource("ansible-cache-testhost.json"), Files.readString(cache.resolve("testhost")));
    }

    /**
     * ansible-playbook --flush-cache: the run starts without the cached facts, and the cache file of a host that
     * ends the run with no facts is gone (ansible-playbook 2.14.18's run recorded as ansible-second-flushed.out).
     */
    @Test
    void flushCacheForgetsTheCachedFacts(@TempDir Path temp) throws Exception {
        AnsibleParity p = AnsibleParity.copy("targets-factcache", temp);
        Path cache = temp.resolve("cache");
        jprov(temp, cache, "first.yaml");
        assertTrue(Files.exists(cache.resolve("testhost")));
        String out = jprov(temp, cache, "second.yaml", "--flush-cache");
        String actual = AnsibleParity.normalize(out.replace(temp.resolve("out").toString(), "OUT")
                .replace(temp.toString(), "DIR"));
        String expected = UNDEFINED_FACT.apply(p.ansible("second-flushed"));
        if (!expected.equals(actual)) p.keep("second-flushed", expected, actual);
        assertEquals(expected, actual);
        assertFalse(Files.exists(cache.resolve("testhost")), "the flushed cache file stays gone");
    }

    // a template error's message: jprov names the file:line and the error, Ansible adds its excerpt of the file
    private static final PlaybookSemanticsTest.Known UNDEFINED_FACT = new PlaybookSemanticsTest.Known(
            "template error text", "\\{\"msg\": \"The task includes an option with an undefined variable\\. The error"
            + " was: ('dict object' has no attribute 'cached_one')\\. .*?\\^ here\\\\n\"}",
            "{\"changed\": false, \"msg\": \"DIR/second.yaml:11:7: $1\"}");

    /** jprov apply in its own JVM (the cache is configured by environment variables), output and exit code. */
    private static String jprov(Path dir, Path cache, String playbook, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.jprov.cli.Main", "apply", "-i",
                dir.resolve("hosts.yaml").toString(), dir.resolve(playbook).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ANSIBLE_CACHE_PLUGIN", "jsonfile");
        pb.environment().put("ANSIBLE_CACHE_PLUGIN_CONNECTION", cache.toString());
        pb.directory(dir.toFile()).redirectErrorStream(true);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out + "\nexit " + process.waitFor();
    }

    private static String resource(String name) {
        try (InputStream in = FactCacheTargetTest.class.getResourceAsStream("/it/ansible/targets-factcache/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
