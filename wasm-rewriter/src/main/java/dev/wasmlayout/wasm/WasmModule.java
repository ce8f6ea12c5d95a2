package dev.wasmlayout.wasm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A module split into sections, over its original bytes. Decoding a section's contents is done on
 * demand by the section readers ({@link ModuleDecoder}); this class only knows where things are.
 */
public final class WasmModule {
    public static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 8;
    /** Bytes in a page of linear memory: memory limits, memory.size and memory.grow count in pages. */
    public static final long PAGE_SIZE = 65536;

    private final byte[] bytes;
    private final List<Section> sections;

    private WasmModule(byte[] bytes, List<Section> sections) {
        this.bytes = bytes;
        this.sections = Collections.unmodifiableList(sections);
    }

    /** The original bytes; callers must not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(int id) {
        for (Section s : sections) {
            if (s.id() == id && !s.isCustom()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<Section> custom(String name) {
        for (Section s : sections) {
            if (s.isCustom() && s.customName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public List<Section> customs(String prefix) {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.isCustom() && s.customName().startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Index of the section in file order, as the linking conventions count sections. */
    public int indexOf(Section s) {
        return sections.indexOf(s);
    }

    /**
     * Splits {@code bytes} into sections, checking the header, every size prefix against the bytes
     * that follow, the order of known sections and that none repeats.
     */
    public static WasmModule read(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        if (bytes.length < 4) {
            throw WasmException.malformed(0, null, "file is " + bytes.length + " bytes, too short for the wasm magic number");
        }
        for (int i = 0; i < 4; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw WasmException.malformed(0, null, "bad magic number (not a WebAssembly binary; expected \\0asm)");
            }
        }
        r.skip(4, "magic");
        if (r.remaining() < 4) {
            throw WasmException.malformed(4, null, "unexpected end: version needs 4 bytes, " + r.remaining() + " remain");
        }
        int version = r.u32le();
        if (version != VERSION) {
            String what = (version & 0xffff) == 0x0d ? "a component (component model), not a core module" : "version " + version;
            throw WasmException.unsupported(4, null, "binary format " + what + "; only core modules of version 1 are supported");
        }
        List<Section> sections = new ArrayList<>();
        int lastRank = 0;
        int lastId = -1;
        while (!r.atEnd()) {
            int start = r.pos();
            int id = r.u8();
            int sizeAt = r.pos();
            long size = r.u32();
            if (size > r.remaining()) {
                throw WasmException.malformed(sizeAt, SectionIds.name(id),
                        "section size " + size + " is larger than the " + r.remaining() + " bytes that follow");
            }
            int payloadStart = r.pos();
            int end = payloadStart + (int) size;
            String customName = null;
            if (id == SectionIds.CUSTOM) {
                ByteReader nr = new ByteReader(bytes, payloadStart, end, "custom");
                customName = nr.name("custom section name");
                payloadStart = nr.pos();
            } else {
                int rank = SectionIds.orderRank(id);
                if (rank < 0) {
                    throw WasmException.malformed(start, null, "unknown section id " + id);
                }
                if (id == lastId) {
                    throw WasmException.malformed(start, SectionIds.name(id), "section appears twice");
                }
                if (rank < lastRank) {
                    throw WasmException.malformed(start, SectionIds.name(id),
                            "section out of order: " + SectionIds.name(id) + " after " + SectionIds.name(lastId));
                }
                lastRank = rank;
                lastId = id;
            }
            sections.add(new Section(id, customName, start, payloadStart, end));
            r.seek(end);
        }
        return new WasmModule(bytes, sections);
    }
}
