package dev.wasmlayout.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@value Fuser#SECTION} payload read back as a host reads it. */
class FusedMapTest {
    @Test
    void readsWhatTheFuserWrites() {
        byte[] json = FusedMap.json(List.of(new FusedMap.Entry("a\"b", 3, 9, 0), new FusedMap.Entry("empty", 9, 9, -1)));
        List<FusedMap.Owner> owners = FusedMap.read(json);
        assertThat(owners).extracting(FusedMap.Owner::name, FusedMap.Owner::stackPointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a\"b", 0), org.assertj.core.groups.Tuple.tuple("empty", -1));
        assertThat(owners.get(0).functions()).containsExactly(new int[] {3, 9});
        assertThat(owners.get(0).owns(3)).isTrue();
        assertThat(owners.get(0).owns(9)).isFalse();
        assertThat(owners.get(1).functions()).isEmpty();
    }

    @Test
    void skipsKeysItDoesNotKnowAndTakesSeveralRanges() {
        String json = "{ \"version\": {\"x\": [1, [2, {\"y\": \"]\"}]]}, \"modules\": [ {\"name\": \"m\", \"extra\": [[[[]]]],"
                + " \"functions\": [[1, 2], [5, 7]], \"globals\": {\"other\": 4, \"__stack_pointer\": 3}} ] }";
        FusedMap.Owner m = FusedMap.read(json.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(m.functions()).containsExactly(new int[] {1, 2}, new int[] {5, 7});
        assertThat(m.stackPointer()).isEqualTo(3);
        assertThat(m.owns(6)).isTrue();
        assertThat(m.owns(4)).isFalse();
    }

    @Test
    void deepNestingIsSkippedWithoutRecursion() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String json = "{\"pad\":" + deep + ",\"modules\":[]}";
        assertThat(FusedMap.read(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void malformedPayloadsNameThePlace() {
        assertThatThrownBy(() -> FusedMap.read("{\"modules\":[{\"functions\":[]}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wasm-layout.fused section: a module without \"name\" at offset 28 of its JSON");
        assertThatThrownBy(() -> FusedMap.read("{\"modules\":[{\"name\":\"a\",\"functions\":[[1]]}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wasm-layout.fused section: expected ',' at offset 39 of its JSON");
        assertThatThrownBy(() -> FusedMap.read("{\"modules\":[{\"name\":\"a".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wasm-layout.fused section: unterminated string at offset 22 of its JSON");
        assertThatThrownBy(() -> FusedMap.read("{\"modules\":[{\"name\":\"a\",\"globals\":{\"__stack_pointer\":99999999999}}]}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("wasm-layout.fused section: ");
    }
}
