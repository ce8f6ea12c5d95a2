package dev.wasmlayout.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TreeReaderTest {

    private static final Complaint COMPLAINT = (where, detail) -> new IllegalStateException(where + ": " + detail);

    @Test
    void keepsTextAndLocationOfEveryValue() {
        MapNode root = (MapNode) TreeReader.readYaml("a: 0x10\nb:\n  - 010\n  - 'x'\nc: yes\nd:\n", COMPLAINT);

        assertThat(root.location()).isEqualTo(new Location(1, 1));
        assertThat(root.entries().get("b").keyLocation()).isEqualTo(new Location(2, 1));
        assertThat(root.get("a")).isEqualTo(new ScalarNode("0x10", ScalarNode.Kind.INTEGER, new Location(1, 4)));
        ListNode list = (ListNode) root.get("b");
        assertThat(list.items()).containsExactly(
                new ScalarNode("010", ScalarNode.Kind.INTEGER, new Location(3, 5)),
                new ScalarNode("x", ScalarNode.Kind.STRING, new Location(4, 5)));
        assertThat(root.get("c")).isEqualTo(new ScalarNode("yes", ScalarNode.Kind.BOOLEAN, new Location(5, 4)));
        assertThat(((ScalarNode) root.get("d")).isNull()).isTrue();
        assertThat(root.entries().keySet()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void readsJsonWithLocations() {
        MapNode root = (MapNode) TreeReader.readJson("{\n  \"a\": [1, 2.5, null, true]\n}", COMPLAINT);

        ListNode list = (ListNode) root.get("a");
        assertThat(list.items()).extracting(n -> ((ScalarNode) n).kind()).containsExactly(
                ScalarNode.Kind.INTEGER, ScalarNode.Kind.FLOAT, ScalarNode.Kind.NULL, ScalarNode.Kind.BOOLEAN);
        assertThat(list.location()).isEqualTo(new Location(2, 8));
    }

    @Test
    void reportsJsonSyntaxOnOneLine() {
        assertThatThrownBy(() -> TreeReader.readJson("{\"a\": }", COMPLAINT))
                .hasMessageStartingWith("1:7: invalid syntax: Unexpected character ('}'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void emptyTextHasNoDocument() {
        assertThat(TreeReader.readYaml("", COMPLAINT)).isNull();
        assertThat(TreeReader.readYaml("# only a comment\n", COMPLAINT)).isNull();
    }

    @Test
    void rejectsDuplicateKeysInJsonToo() {
        assertThatThrownBy(() -> TreeReader.readJson("{\"a\": 1, \"a\": 2}", COMPLAINT))
                .hasMessage("1:10: duplicate key 'a' (first at 1:2)");
    }
}
