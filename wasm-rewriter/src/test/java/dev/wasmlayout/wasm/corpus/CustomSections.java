package dev.wasmlayout.wasm.corpus;

import static dev.wasmlayout.wasm.corpus.ModuleBuilder.subsection;

import dev.wasmlayout.wasm.ByteWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payloads (after the section name) of the custom sections the corpus uses: name (with the
 * extended global and data subsections LLVM emits), producers, target_features, the tool
 * conventions' linking and reloc.* sections, and dylink.0.
 */
final class CustomSections {
    /** Relocation types of the tool conventions' Linking.md. */
    static final int R_FUNCTION_INDEX_LEB = 0, R_MEMORY_ADDR_LEB = 3, R_MEMORY_ADDR_SLEB = 4, R_MEMORY_ADDR_I32 = 5,
            R_GLOBAL_INDEX_LEB = 7;
    static final int SYMTAB_FUNCTION = 0, SYMTAB_DATA = 1, SYMTAB_GLOBAL = 2;

    private CustomSections() {
    }

    /** A relocation entry; {@code offset} is from the start of the target section's payload. */
    record Reloc(int type, int offset, int symbol, int addend) {
        boolean hasAddend() {
            return type == R_MEMORY_ADDR_LEB || type == R_MEMORY_ADDR_SLEB || type == R_MEMORY_ADDR_I32;
        }
    }

    /** A symbol table entry: kind, index (function/global) or data segment, name, data offset and size. */
    record Symbol(int kind, int index, String name, int offset, int size) {
    }

    static ByteWriter names(String module, String[] functions, Map<Integer, String[]> locals, String[] globals, String[] data) {
        ByteWriter w = new ByteWriter();
        subsection(w, 0, new ByteWriter().name(module));
        subsection(w, 1, nameMap(functions));
        ByteWriter localNames = new ByteWriter().u32(locals.size());
        new TreeMap<>(locals).forEach((func, names) -> localNames.u32(func).bytes(nameMap(names).toByteArray()));
        subsection(w, 2, localNames);
        subsection(w, 7, nameMap(globals));
        subsection(w, 9, nameMap(data));
        return w;
    }

    private static ByteWriter nameMap(String[] names) {
        ByteWriter w = new ByteWriter().u32(names.length);
        for (int i = 0; i < names.length; i++) {
            w.u32(i).name(names[i]);
        }
        return w;
    }

    static ByteWriter producers() {
        ByteWriter w = new ByteWriter().u32(2);
        w.name("language").u32(1).name("C11").name("");
        w.name("processed-by").u32(2).name("clang").name("19.1.0").name("wasm-layout-corpus").name("0.1");
        return w;
    }

    static ByteWriter targetFeatures(String... features) {
        ByteWriter w = new ByteWriter().u32(features.length);
        for (String f : features) {
            w.u8('+').name(f);
        }
        return w;
    }

    /** linking version 2: a symbol table (subsection 8) and segment info (subsection 5). */
    static ByteWriter linking(List<Symbol> symbols, String[] segmentNames) {
        ByteWriter table = new ByteWriter().u32(symbols.size());
        for (Symbol s : symbols) {
            table.u8(s.kind()).u32(0);
            if (s.kind() == SYMTAB_DATA) {
                table.name(s.name()).u32(s.index()).u32(s.offset()).u32(s.size());
            } else {
                table.u32(s.index()).name(s.name());
            }
        }
        ByteWriter segments = new ByteWriter().u32(segmentNames.length);
        for (String name : segmentNames) {
            segments.name(name).u32(0).u32(0);
        }
        ByteWriter w = new ByteWriter().u32(2);
        subsection(w, 8, table);
        subsection(w, 5, segments);
        return w;
    }

    static ByteWriter relocations(int sectionIndex, List<Reloc> relocs) {
        ByteWriter w = new ByteWriter().u32(sectionIndex).u32(relocs.size());
        for (Reloc r : relocs) {
            w.u8(r.type()).u32(r.offset()).u32(r.symbol());
            if (r.hasAddend()) {
                w.s32(r.addend());
            }
        }
        return w;
    }

    /** dylink.0: memory info (subsection 1) and needed libraries (subsection 2). */
    static ByteWriter dylink(int memorySize, int memoryAlignLog2, int tableSize, String... needed) {
        ByteWriter w = new ByteWriter();
        subsection(w, 1, new ByteWriter().u32(memorySize).u32(memoryAlignLog2).u32(tableSize).u32(0));
        ByteWriter libs = new ByteWriter().u32(needed.length);
        for (String n : needed) {
            libs.name(n);
        }
        return subsection(w, 2, libs);
    }
}
