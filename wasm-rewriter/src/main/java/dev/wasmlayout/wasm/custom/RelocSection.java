package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@code reloc.*} custom section: the section index it applies to and its entries. */
public record RelocSection(String name, int targetSection, List<Relocation> entries) {
    public static final String PREFIX = "reloc.";

    public static RelocSection read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        int target = r.u32AsInt("target section index");
        int n = r.checkCount(r.u32(), 3, "relocation");
        List<Relocation> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            int code = r.u8();
            RelocType type = RelocType.of(code);
            if (type == null) {
                throw r.unsupportedAt(at, "unknown relocation type " + code);
            }
            int offset = r.u32AsInt("relocation offset");
            int symbol = (int) r.u32(); // full u32 range: debug relocations use 0xffffffff for dropped symbols
            long addend = type.hasAddend ? (type.site.width >= 8 ? r.s64() : r.s32()) : 0;
            entries.add(new Relocation(type, offset, symbol, addend));
        }
        r.expectEnd(section.displayName() + " section");
        return new RelocSection(section.customName(), target, Collections.unmodifiableList(entries));
    }
}
