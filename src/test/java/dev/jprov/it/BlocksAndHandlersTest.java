package dev.jprov.it;


import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Blocks (rescue, always, nested), include_tasks with a loop and vars, import_tasks, include_role/import_role,
 * roles with defaults, vars, handlers and meta dependencies; handlers notified by name and by listen, run once
 * however often notified, flush_handlers, not run when nothing changed, role handlers. Each host's results, in
 * order, and the recap lines must be what ansible-playbook 2.14 printed for the same playbook.
 *
 * <p>Hosts take different paths here (one is rescued, handlers differ per host). jprov's hosts run ahead of each
 * other, so its console may print a task's lines for a late host under a later banner, or lose them (a known
 * problem of the console reporter); so the comparison is per host, from the --json task events.
 */
class BlocksAndHandlersTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(textBlock = """
            blocks,   h1
            blocks,   h2
            handlers, h1
            handlers, h2
            """)
    void eachHostRunsWhatAnsibleRan(String fixture, String host, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy(fixture, temp);
        Jprov.Run run = p.run("site.yaml");
        p.assertSameWay("run", run, host);
    }
}
