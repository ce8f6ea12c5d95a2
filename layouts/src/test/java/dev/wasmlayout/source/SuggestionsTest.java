package dev.wasmlayout.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> MODULE_KEYS = List.of("name", "wasm", "stack", "heap", "imports", "optional", "strategy");

    @Test
    void suggestsTheNearestKey() {
        assertThat(Suggestions.nearest("stak", MODULE_KEYS)).contains("stack");
        assertThat(Suggestions.nearest("heep", MODULE_KEYS)).contains("heap");
        assertThat(Suggestions.nearest("Stack", MODULE_KEYS)).contains("stack");
        assertThat(Suggestions.nearest("strat", MODULE_KEYS)).contains("strategy");
        assertThat(Suggestions.nearest("improts", MODULE_KEYS)).contains("imports");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(Suggestions.nearest("linker", MODULE_KEYS)).isEmpty();
        assertThat(Suggestions.nearest("x", MODULE_KEYS)).isEmpty();
        assertThat(Suggestions.nearest("stack", List.of())).isEmpty();
    }

    @Test
    void tiesGoToTheEarlierCandidate() {
        assertThat(Suggestions.nearest("ab", List.of("ac", "ad"))).contains("ac");
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void didYouMeanIsReadyToAppend() {
        assertThat(Suggestions.didYouMean("prodcer", List.of("producer", "consumer"))).isEqualTo(" (did you mean 'producer'?)");
        assertThat(Suggestions.didYouMean("zzz", List.of("producer"))).isEmpty();
    }
}
