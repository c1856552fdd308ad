package dev.jprov.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's name is templated with the host's variables where its banner and results show it, as Ansible's
 * strategies do with fail_on_undefined=False: public roles name tasks "Configure {{ conf_file }}".
 */
class TaskBannerNameTest {
    private static final EngineRunner ENGINE = new EngineRunner();

    @Test
    void namesAreRenderedAndAnUndefinedVariableLeavesTheNameAsWritten(@TempDir Path dir) {
        EngineRunner.Run run = ENGINE.run(dir, """
                vars:
                  conf: /etc/sysctl.conf
                  items: [a, b]
                tasks:
                  - name: "configure {{ conf }}"
                    debug: msg=x
                  - name: "{{ items | length }} items in {{ conf | basename }}"
                    debug: msg=x
                  - name: "undefined {{ nope }}"
                    debug: msg=x
                  - name: plain
                    debug: msg=x
                """);
        assertEquals(List.of("configure /etc/sysctl.conf=ok", "2 items in sysctl.conf=ok", "undefined {{ nope }}=ok",
                "plain=ok"), run.lines(), run.toString());
    }
}
