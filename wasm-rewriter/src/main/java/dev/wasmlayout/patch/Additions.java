package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ParsedModule;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.sections.FuncType;
import java.util.ArrayList;
import java.util.List;

/**
 * Types and functions a patch adds to a module. They are appended at the end of their index
 * spaces, so nothing already in the module is renumbered; {@link #writeTo} emits them once.
 */
final class Additions {
    private final ParsedModule m;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    Additions(ParsedModule m) {
        this.m = m;
    }

    int type(FuncType t) {
        int i = m.sections.types.indexOf(t);
        if (i >= 0) {
            return i;
        }
        int added = types.indexOf(t);
        if (added < 0) {
            types.add(t);
            added = types.size() - 1;
        }
        return m.sections.types.size() + added;
    }

    /** Adds a function; {@code body} is locals plus code without the size prefix. Returns its index. */
    int function(FuncType t, byte[] body) {
        functionTypes.add(type(t));
        bodies.add(body);
        return m.sections.functionCount() + bodies.size() - 1;
    }

    void writeTo(ModuleEditor ed) {
        if (!types.isEmpty()) {
            List<byte[]> entries = new ArrayList<>();
            for (FuncType t : types) {
                ByteWriter w = new ByteWriter().u8(0x60).u32(t.params().length);
                for (int p : t.params()) {
                    w.u8(p);
                }
                w.u32(t.results().length);
                for (int r : t.results()) {
                    w.u8(r);
                }
                entries.add(w.toByteArray());
            }
            ed.setStandard(SectionIds.TYPE, VectorSections.append(m.bytes(), m.module.section(SectionIds.TYPE).orElse(null), entries));
        }
        if (!bodies.isEmpty()) {
            List<byte[]> entries = new ArrayList<>();
            for (int t : functionTypes) {
                entries.add(new ByteWriter().u32(t).toByteArray());
            }
            ed.setStandard(SectionIds.FUNCTION, VectorSections.append(m.bytes(),
                    m.module.section(SectionIds.FUNCTION).orElse(null), entries));
            for (byte[] b : bodies) {
                ed.appendBody(b);
            }
        }
    }
}
