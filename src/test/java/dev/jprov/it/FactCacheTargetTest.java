package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** jprov apply in its own JVM (the cache is configured by environment variables), output and exit code. */
    private static String jprov(Path dir, Path cache, String playbook) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.jprov.cli.Main", "apply", "-i",
                dir.resolve("hosts.yaml").toString(), dir.resolve(playbook).toString());
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
