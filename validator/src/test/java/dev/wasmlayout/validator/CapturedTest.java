package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Output bytes: compared exactly, shown as text only when they are text. */
class CapturedTest {
    private static Captured bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return Captured.of(out);
    }

    @Test
    void textIsShownAsItIsAndEverythingElseAsLengthAndExcerpt() {
        assertThat(Captured.of("héllo\n\tworld\n").display()).isEqualTo("héllo\n\tworld\n");
        assertThat(bytes('a', 0, 'b').text()).isEqualTo("a\0b"); // valid UTF-8, so JSON carries it as text too
        assertThat(bytes('a', 0, 'b').display()).isEqualTo("3 bytes, not text: \"a\\x00b\"");
        assertThat(bytes(0xc3).text()).isNull(); // a truncated sequence
        byte[] long64 = new byte[64];
        long64[0] = (byte) 0x80;
        assertThat(Captured.of(long64).display()).startsWith("64 bytes, not text: \"\\x80\\x00").endsWith("\\x00\"...");
        assertThat(Captured.of("x").base64()).isEqualTo("eA==");
    }

    @Test
    void theFirstDifferenceAndTheBytesAroundIt() {
        Captured a = Captured.of("abc");
        Captured b = Captured.of("abcd");
        assertThat(Captured.firstDifference(a, b)).isEqualTo(3);
        assertThat(a.hexAround(3)).isEqualTo("61 62 63 (end)");
        assertThat(b.hexAround(3)).isEqualTo("61 62 63 [64]");
        assertThat(Captured.firstDifference(a, Captured.of("abc".getBytes(StandardCharsets.UTF_8)))).isEqualTo(-1);
        Captured longer = Captured.of("0123456789abcdefghijklmnopqrstuvwxyz");
        assertThat(longer.hexAround(20)).isEqualTo("... 63 64 65 66 67 68 69 6a [6b] 6c 6d 6e 6f 70 71 72 ...");
        assertThat(Captured.firstDifference(bytes(0x81), bytes(0x82))).isZero(); // both decode to U+FFFD
    }
}
