package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --tags / --skip-tags selection, following Ansible's Taggable.evaluate_tags. */
class TagSelectorTest {

    @ParameterizedTest(name = "task [{0}] --tags [{1}] --skip-tags [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
                       |                 |             | true
            a          |                 |             | true
            never      |                 |             | false
            never,a    |                 |             | false
            never,a    | a               |             | true
            never      | never           |             | true
            always     | x               |             | true
            always     |                 | always      | false
            always     |                 | all         | true
            always     |                 | all,always  | false
            a          | a,b             |             | true
            a          | b               |             | false
                       | untagged        |             | true
            a          | untagged        |             | false
            a          | tagged          |             | true
                       | tagged          |             | false
            never      | tagged          |             | false
            a          | all             |             | true
            a          |                 | a           | false
            a          |                 | b           | true
            a          |                 | tagged      | false
                       |                 | tagged      | true
                       |                 | untagged    | false
            a          | a               | a           | false
            """)
    void selects(String taskTags, String tags, String skip, boolean expected) {
        TagSelector selector = TagSelector.of(tags == null ? List.of() : List.of(tags),
                skip == null ? List.of() : List.of(skip));
        List<String> task = taskTags == null ? List.of() : Arrays.asList(taskTags.split(","));
        assertEquals(expected, selector.selects(task));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x       | in block,in always
            nothing | ''
            """)
    void filterDropsEmptyBlocksAndKeepsSections(String tag, String expected) {
        Play play = Fixtures.loader().load(Fixtures.dir("tags/site.yml")).plays().get(0);
        List<TaskNode> kept = TagSelector.of(List.of(tag), List.of()).filter(play.tasks());
        List<String> names = kept.stream().flatMap(n -> n instanceof Block b
                ? java.util.stream.Stream.concat(java.util.stream.Stream.concat(b.block().stream(), b.rescue().stream()),
                b.always().stream()) : java.util.stream.Stream.of(n)).map(TaskNode::name).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), names);
    }
}
