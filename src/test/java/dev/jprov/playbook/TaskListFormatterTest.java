package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --list-tasks / --list-hosts / --list-tags against output captured from ansible-playbook 2.14 on the same
 * fixture (listing/expected/*.txt: `ansible-playbook -i INV site.yml --list-tasks [--tags ...]`).
 */
class TaskListFormatterTest {

    private static final Map<String, List<String>> HOSTS = Map.of("web", List.of("w1"), "db", List.of("d1"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            default.txt         |           |           | tasks
            tags-x.txt          | x         |           | tasks
            tags-never.txt      | never     |           | tasks
            skip-blk.txt        |           | blk       | tasks
            tags-tagged.txt     | tagged    |           | tasks
            tags-untagged.txt   | untagged  |           | tasks
            skip-always.txt     |           | always    | tasks
            tags-imp-two.txt    | imp,two   |           | tasks
            list_hosts_tasks_tags.txt |     |           | hosts+tasks+tags
            """)
    void matchesAnsiblePlaybookOutput(String expectedFile, String tags, String skip, String what) throws IOException {
        Path dir = Fixtures.dir("listing");
        Playbook pb = Fixtures.loader().load(dir.resolve("site.yml"));
        TagSelector selector = TagSelector.of(tags == null ? List.of() : List.of(tags),
                skip == null ? List.of() : List.of(skip));
        TaskListFormatter formatter = new TaskListFormatter(selector, p -> HOSTS.get(p.hosts().get(0)));
        String out = formatter.format(pb, "site.yml",
                new TaskListFormatter.Listing(what.contains("hosts"), what.contains("tasks"), what.contains("tags")));
        assertEquals(Files.readString(dir.resolve("expected").resolve(expectedFile)), out);
    }
}
