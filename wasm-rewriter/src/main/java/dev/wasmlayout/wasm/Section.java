package dev.wasmlayout.wasm;

/**
 * One section as it sits in the file: absolute offsets of its id byte, its payload and its end.
 * Keeping the exact range (size prefix included) is what makes untouched sections copy byte-identically.
 */
public record Section(int id, String customName, int start, int payloadStart, int end) {

    public int payloadLength() {
        return end - payloadStart;
    }

    public boolean isCustom() {
        return id == SectionIds.CUSTOM;
    }

    /** Name for messages: "code", "custom 'linking'". */
    public String displayName() {
        return isCustom() ? "custom '" + customName + "'" : SectionIds.name(id);
    }

    /** A reader over the payload (for a custom section: after its name). */
    public ByteReader payload(byte[] bytes) {
        return new ByteReader(bytes, payloadStart, end, displayName());
    }
}
