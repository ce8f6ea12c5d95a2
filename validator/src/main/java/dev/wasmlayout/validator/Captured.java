package dev.wasmlayout.validator;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The exact bytes a module wrote to stdout or stderr. Compared as bytes; shown as text only when it
 * is text (a gzip stream is shown as its length and an escaped excerpt, not as replacement characters).
 */
public final class Captured {
    public static final Captured EMPTY = new Captured(new byte[0]);
    /** How many bytes an excerpt shows. */
    static final int EXCERPT = 48;

    private final byte[] bytes;
    private final String text; // null when the bytes are not valid UTF-8

    private Captured(byte[] bytes) {
        this.bytes = bytes;
        this.text = utf8(bytes);
    }

    public static Captured of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Captured(bytes.clone());
    }

    public static Captured of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The bytes decoded as UTF-8, or null when they are not valid UTF-8. */
    public String text() {
        return text;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Text a terminal can show as it is: valid UTF-8 without control characters other than layout and escapes. */
    public boolean isPrintable() {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\b' && c != 0x1b) || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a person: the text itself when it is printable, otherwise its length and the first bytes
     * escaped ({@code 43771 bytes, not text: "\x1f\x8b\x08\x00..."}).
     */
    public String display() {
        if (isPrintable()) {
            return text;
        }
        return bytes.length + " bytes, not text: \"" + escaped(0, EXCERPT) + (bytes.length > EXCERPT ? "\"..." : "\"");
    }

    /** {@code n} bytes from {@code from}: printable ASCII as it is, \n \r \t \\ \", every other byte as \xNN. */
    public String escaped(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + n); i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                default:
                    if (b >= 0x20 && b < 0x7f) {
                        sb.append((char) b);
                    } else {
                        sb.append(String.format("\\x%02x", b));
                    }
            }
        }
        return sb.toString();
    }

    /**
     * Hex of the bytes around {@code at} (8 before, up to 8 from it), the byte at {@code at} in brackets,
     * "(end)" where the bytes stop: {@code ... 6c 6c [6f] 2c 20} or {@code 6c 6c (end)}.
     */
    public String hexAround(long at) {
        StringBuilder sb = new StringBuilder();
        long from = Math.max(0, at - 8);
        if (from > 0) {
            sb.append("... ");
        }
        for (long i = from; i < Math.min(bytes.length, at + 8); i++) {
            String h = String.format("%02x", bytes[(int) i] & 0xff);
            sb.append(i == at ? "[" + h + "]" : h).append(' ');
        }
        if (at >= bytes.length) {
            sb.append("(end)");
        } else if (at + 8 < bytes.length) {
            sb.append("...");
        }
        return sb.toString().trim();
    }

    /** The first offset where the two differ (one may be a prefix of the other), or -1 when they are equal. */
    public static long firstDifference(Captured a, Captured b) {
        int mismatch = Arrays.mismatch(a.bytes, b.bytes);
        return mismatch;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Captured && Arrays.equals(bytes, ((Captured) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The text, or the display form when the bytes are not text (for messages and debuggers). */
    @Override
    public String toString() {
        return display();
    }
}
