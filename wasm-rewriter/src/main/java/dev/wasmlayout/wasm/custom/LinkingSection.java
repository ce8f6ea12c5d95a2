package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code linking} custom section: symbol table, segment info, init functions, comdats. */
public record LinkingSection(int version, List<Symbol> symbols, List<SegmentInfo> segments, List<InitFunc> initFuncs,
                             int comdatCount) {
    public static final String NAME = "linking";
    private static final int SEGMENT_INFO = 5;
    private static final int INIT_FUNCS = 6;
    private static final int COMDAT_INFO = 7;
    private static final int SYMBOL_TABLE = 8;

    public static LinkingSection read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        int versionAt = r.pos();
        int version = r.u32AsInt("linking version");
        if (version != 2) {
            throw r.unsupportedAt(versionAt, "linking metadata version " + version + " (only version 2 is understood)");
        }
        List<Symbol> symbols = new ArrayList<>();
        List<SegmentInfo> segments = new ArrayList<>();
        List<InitFunc> inits = new ArrayList<>();
        int comdats = 0;
        while (!r.atEnd()) {
            int type = r.u8();
            int len = r.u32AsInt("subsection size");
            ByteReader sub = r.sub(len, section.displayName());
            switch (type) {
                case SEGMENT_INFO: readSegments(sub, segments); break;
                case INIT_FUNCS: readInits(sub, inits); break;
                case COMDAT_INFO: comdats += readComdats(sub); break;
                case SYMBOL_TABLE: readSymbols(sub, symbols); break;
                default: sub.skip(sub.remaining(), "unknown subsection"); break;
            }
            sub.expectEnd("linking subsection " + type);
        }
        return new LinkingSection(version, Collections.unmodifiableList(symbols), Collections.unmodifiableList(segments),
                Collections.unmodifiableList(inits), comdats);
    }

    private static void readSegments(ByteReader r, List<SegmentInfo> out) {
        int n = r.checkCount(r.u32(), 3, "segment info");
        for (int i = 0; i < n; i++) {
            String name = r.name("segment name");
            int align = r.u32AsInt("segment alignment");
            int flags = r.u32AsInt("segment flags");
            out.add(new SegmentInfo(name, align, flags));
        }
    }

    private static void readInits(ByteReader r, List<InitFunc> out) {
        int n = r.checkCount(r.u32(), 2, "init function");
        for (int i = 0; i < n; i++) {
            out.add(new InitFunc(r.u32AsInt("priority"), r.u32AsInt("symbol index")));
        }
    }

    private static int readComdats(ByteReader r) {
        int n = r.checkCount(r.u32(), 3, "comdat");
        for (int i = 0; i < n; i++) {
            r.name("comdat name");
            r.u32();
            int m = r.checkCount(r.u32(), 2, "comdat symbol");
            for (int k = 0; k < m; k++) {
                r.u8();
                r.u32();
            }
        }
        return n;
    }

    private static void readSymbols(ByteReader r, List<Symbol> out) {
        int n = r.checkCount(r.u32(), 2, "symbol");
        for (int i = 0; i < n; i++) {
            int kindAt = r.pos();
            SymbolKind kind = SymbolKind.of(r.u8());
            if (kind == null) {
                throw r.malformedAt(kindAt, "unknown symbol kind " + (r.array()[kindAt] & 0xff));
            }
            int flags = r.u32AsInt("symbol flags");
            boolean undefined = (flags & Symbol.UNDEFINED) != 0;
            switch (kind) {
                case DATA: {
                    String name = r.name("symbol name");
                    if (undefined) {
                        out.add(new Symbol(i, kind, flags, name, -1, 0, 0));
                    } else {
                        int seg = r.u32AsInt("data segment index");
                        long off = r.u64();
                        long size = r.u64();
                        out.add(new Symbol(i, kind, flags, name, seg, off, size));
                    }
                    break;
                }
                case SECTION:
                    out.add(new Symbol(i, kind, flags, null, r.u32AsInt("section index"), 0, 0));
                    break;
                default: {
                    int index = r.u32AsInt("symbol index");
                    String name = null;
                    if (!undefined || (flags & Symbol.EXPLICIT_NAME) != 0) {
                        name = r.name("symbol name");
                    }
                    out.add(new Symbol(i, kind, flags, name, index, 0, 0));
                }
            }
        }
    }

    /** The defined symbol of that kind and name, or null. */
    public Symbol find(SymbolKind kind, String name) {
        for (Symbol s : symbols) {
            if (s.kind() == kind && name.equals(s.name())) {
                return s;
            }
        }
        return null;
    }
}
