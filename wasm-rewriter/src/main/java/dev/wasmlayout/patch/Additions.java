package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.sections.FuncType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Types and functions a patch adds to a module. They are appended at the end of their index
 * spaces, so nothing already in the module is renumbered; {@link #writeTo} emits them once, with
 * the added functions' names in the name section (a trap's backtrace then names them).
 */
final class Additions {
    private final ParsedModule m;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

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
        return function(t, body, null);
    }

    /** Adds a function named {@code name} in the name section (null: no name). Returns its index. */
    int function(FuncType t, byte[] body, String name) {
        functionTypes.add(type(t));
        bodies.add(body);
        names.add(name);
        return m.sections.functionCount() + bodies.size() - 1;
    }

    void writeTo(ModuleEditor ed) {
        if (!types.isEmpty()) {
            List<byte[]> entries = new ArrayList<>();
            for (FuncType t : types) {
                ByteWriter w = new ByteWriter();
                t.write(w);
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
            writeNames(ed);
        }
    }

    /**
     * Adds the names of the added functions to the function names (subsection 1) of the name section,
     * creating either when missing; every other subsection is copied as it was.
     */
    private void writeNames(ModuleEditor ed) {
        Map<Integer, String> added = new TreeMap<>();
        int first = m.sections.functionCount();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                added.put(first + i, names.get(i));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Section s = ed.module().custom(NameSection.NAME).orElse(null);
        Map<Integer, String> functions = new TreeMap<>();
        if (m.names != null) {
            functions.putAll(m.names.functions());
        }
        functions.putAll(added);
        ByteWriter sub = new ByteWriter().u32(functions.size());
        for (Map.Entry<Integer, String> e : functions.entrySet()) {
            sub.u32(e.getKey()).name(e.getValue());
        }
        byte[] fs = sub.toByteArray();
        ByteWriter w = new ByteWriter();
        boolean written = false;
        if (s != null) {
            byte[] bytes = ed.module().bytes();
            ByteReader r = s.payload(bytes);
            while (!r.atEnd()) {
                int at = r.pos();
                int id = r.u8();
                int len = r.u32AsInt("name subsection size");
                r.skip(len, "name subsection");
                if (id >= 1 && !written) {
                    w.u8(1).u32(fs.length).bytes(fs); // subsections go in id order: 0 (module) before 1
                    written = true;
                }
                if (id != 1) {
                    w.bytes(bytes, at, r.pos() - at);
                }
            }
        }
        if (!written) {
            w.u8(1).u32(fs.length).bytes(fs);
        }
        if (s != null) {
            ed.replace(s, w.toByteArray());
        } else {
            ed.appendCustom(NameSection.NAME, w.toByteArray());
        }
    }
}
