package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.Section;
import java.util.List;

/** Builds the payload of a vector section (count + entries) with entries added at its end. */
final class VectorSections {
    private VectorSections() {
    }

    /** {@code section} may be null when the module does not have it yet. */
    static byte[] append(byte[] bytes, Section section, List<byte[]> added) {
        ByteWriter w = new ByteWriter();
        long count = 0;
        int entriesStart = 0;
        int entriesEnd = 0;
        if (section != null) {
            ByteReader r = section.payload(bytes);
            count = r.u32();
            entriesStart = r.pos();
            entriesEnd = section.end();
        }
        w.u32(count + added.size());
        if (section != null) {
            w.bytes(bytes, entriesStart, entriesEnd - entriesStart);
        }
        for (byte[] e : added) {
            w.bytes(e);
        }
        return w.toByteArray();
    }
}
