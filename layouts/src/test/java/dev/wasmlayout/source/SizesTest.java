package dev.wasmlayout.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0", "1024, 1024", "010, 10", "0x400, 1024", "0X1f, 31", "7B, 7", "7b, 7",
        "1K, 1024", "1k, 1024", "1KiB, 1024", "16 KiB, 16384", "4MiB, 4194304", "2M, 2097152",
        "1GiB, 1073741824", "4G, 4294967296", "-16, -16", "-0x10, -16"
    })
    void parses(String text, long bytes) {
        assertThat(Sizes.parse(text)).hasValue(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "big", "1.5MiB", "64KB", "1 MB", "0x10KiB", "16  KiB", "KiB", "1TiB", "1:30", "--1"})
    void refuses(String text) {
        assertThat(Sizes.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "999999999999GiB", "0xffffffffffffffffffff"})
    void hugeValuesSaturateInsteadOfOverflowing(String text) {
        assertThat(Sizes.parse(text)).hasValue(Long.MAX_VALUE);
        assertThat(Sizes.parse("-" + text)).hasValue(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 bytes", "1, 1 byte", "1000, 1000 bytes", "1024, 1KiB", "65536, 64KiB", "1048576, 1MiB",
        "4294967296, 4GiB", "1536, 1536 bytes"})
    void formats(long bytes, String text) {
        assertThat(Sizes.format(bytes)).isEqualTo(text);
    }

    @Property
    void formatThenParseGivesTheSameBytes(@ForAll @LongRange(min = 0, max = Sizes.MAX) long bytes) {
        String text = Sizes.format(bytes).replace(" bytes", "").replace(" byte", "");
        assertThat(Sizes.parse(text)).isEqualTo(OptionalLong.of(bytes));
    }

    @Property
    void theSchemaPatternAcceptsExactlyWhatTheParserAccepts(@ForAll("sizeLikeText") String text) {
        assertThat(text.matches(Sizes.PATTERN)).as(text).isEqualTo(Sizes.parse(text).isPresent());
    }

    @Provide
    Arbitrary<String> sizeLikeText() {
        return Arbitraries.strings().withChars("0123456789xXabfkKmMgGiIbB -.").ofMaxLength(8)
                .filter(s -> s.equals(s.strip()));
    }

    @Property
    void alignUpAndDownBracketTheValue(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long value,
                                       @ForAll @IntRange(min = 0, max = 16) int shift) {
        long align = 1L << shift;
        assertThat(Sizes.alignUp(value, align)).isGreaterThanOrEqualTo(value).isLessThan(value + align);
        assertThat(Sizes.alignDown(value, align)).isLessThanOrEqualTo(value).isGreaterThan(value - align);
        assertThat(Sizes.alignUp(value, align) % align).isZero();
        assertThat(Sizes.alignDown(value, align) % align).isZero();
    }
}
