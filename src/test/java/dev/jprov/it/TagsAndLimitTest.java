package dev.jprov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * -t / --skip-tags / the always and never tags / tagged blocks / --limit: jprov runs the same tasks on the same
 * hosts as ansible-playbook 2.14 did on the same playbook (its output is in it/ansible/tags/ansible-*.out).
 */
class TagsAndLimitTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            all         |
            a           | -t a
            skip-b      | --skip-tags b
            blk-dbg     | -t blk,dbg
            skip-always | --skip-tags always
            never       | -t never
            limit-h2    | -l h2
            limit-h1-b  | -l h1 -t b
            """)
    void selectsWhatAnsibleSelects(String variant, String args, @TempDir Path temp) {
        AnsibleParity p = AnsibleParity.copy("tags", temp);
        Jprov.Run run = p.run("site.yaml", args == null ? new String[0] : args.split(" "));
        String expected = p.ansible(variant);
        String actual = p.normalized(run);
        if (!expected.equals(actual)) p.keep(variant, expected, actual);
        assertEquals(expected, actual, run.toString());
    }
}
