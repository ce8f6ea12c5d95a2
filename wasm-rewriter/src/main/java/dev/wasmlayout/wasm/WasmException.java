package dev.wasmlayout.wasm;

/**
 * The one exception type the wasm reader and writer throw for bad input. It always carries the byte
 * offset and, where known, the section, so a user can find the problem with a hex dump.
 */
public class WasmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Follows the spec's vocabulary: malformed = not decodable, invalid = decodes but breaks a rule. */
    public enum Kind {
        MALFORMED("malformed"),
        INVALID("invalid"),
        UNSUPPORTED("unsupported");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    private final Kind kind;
    private final long offset;
    private final String section;
    private final String detail;

    public WasmException(Kind kind, long offset, String section, String detail) {
        super(format(kind, offset, section, detail));
        this.kind = kind;
        this.offset = offset;
        this.section = section;
        this.detail = detail;
    }

    private static String format(Kind kind, long offset, String section, String detail) {
        StringBuilder sb = new StringBuilder(kind.word()).append(" module at byte ").append(offset)
                .append(" (0x").append(Long.toHexString(offset)).append(')');
        if (section != null) {
            sb.append(" in ").append(section).append(" section");
        }
        return sb.append(": ").append(detail).toString();
    }

    public Kind kind() {
        return kind;
    }

    public long offset() {
        return offset;
    }

    /** Section name ("code", "custom 'linking'", ...) or null for the module header. */
    public String section() {
        return section;
    }

    public String detail() {
        return detail;
    }

    public static WasmException malformed(long offset, String section, String detail) {
        return new WasmException(Kind.MALFORMED, offset, section, detail);
    }

    public static WasmException invalid(long offset, String section, String detail) {
        return new WasmException(Kind.INVALID, offset, section, detail);
    }

    public static WasmException unsupported(long offset, String section, String detail) {
        return new WasmException(Kind.UNSUPPORTED, offset, section, detail);
    }
}
