package dev.wasmlayout.fuse;

import dev.wasmlayout.patch.Encoders;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.reencode.Reencode;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ElementSegment;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Global;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.Limits;
import dev.wasmlayout.wasm.sections.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the fused module's sections, in the binary format's order, from a {@link FusedNumbering}:
 * every module's pieces renumbered through {@link Reencode}, plus the glue (start, {@code _start},
 * WASI args/environ/fd_close), the name section and the {@value Fuser#SECTION} section.
 */
final class FusedWriter {
    private FusedWriter() {
    }

    static byte[] write(FusedNumbering n, Fuser.Options o) {
        ByteWriter out = new ByteWriter(n.parts.stream().mapToInt(p -> p.bytes().length).sum() + 1024);
        out.bytes(WasmModule.MAGIC).u32le(WasmModule.VERSION);

        // type
        ByteWriter w = new ByteWriter().u32(n.types.size());
        for (FuncType t : n.types.keySet()) {
            w.u8(0x60).u32(t.params().length);
            for (int v : t.params()) {
                w.u8(v);
            }
            w.u32(t.results().length);
            for (int v : t.results()) {
                w.u8(v);
            }
        }
        section(out, SectionIds.TYPE, w);

        // import
        w = new ByteWriter();
        int importCount = n.imports.size() + n.tagImports.size() + (o.importModule() != null ? 1 : 0);
        w.u32(importCount);
        for (int k = 0; k < n.imports.size(); k++) {
            w.name(n.imports.get(k).module()).name(n.imports.get(k).name()).u8(0).u32(n.importTypes.get(k));
        }
        for (int k = 0; k < n.tagImports.size(); k++) {
            w.name(n.tagImports.get(k).module()).name(n.tagImports.get(k).name()).u8(ExternalKind.TAG.code())
                    .u8(0).u32(n.tagImportTypes.get(k)); // attribute 0: exception
        }
        if (o.importModule() != null) {
            w.bytes(Encoders.memoryImport(o.importModule(), o.importName(), o.initialPages(), o.maxPages()));
        }
        if (importCount > 0) {
            section(out, SectionIds.IMPORT, w);
        }

        // function
        w = new ByteWriter().u32(n.next - n.imports.size());
        for (FusePart p : n.parts) {
            for (int t : p.s.functionTypes) {
                w.u32(p.types[t]);
            }
            for (String g : p.glue) {
                w.u32(n.types.get(FusedNumbering.glueType(g)));
            }
        }
        if (n.anyStart) {
            w.u32(n.voidIndex);
        }
        w.u32(n.voidIndex);
        section(out, SectionIds.FUNCTION, w);

        // table: one, holding every module's window; no growth, so its maximum is its size
        if (n.table) {
            long size = Math.max(n.tableMin, 1);
            w = new ByteWriter().u32(1).u8(ValueType.FUNCREF);
            Encoders.limits(w, new Limits(size, size, false, false));
            section(out, SectionIds.TABLE, w);
        }

        // memory
        if (o.importModule() == null) {
            w = new ByteWriter().u32(1);
            Encoders.limits(w, new Limits(o.initialPages(), o.maxPages(), false, false));
            section(out, SectionIds.MEMORY, w);
        }

        // tag: every module's own, their types deduplicated with the others
        if (n.tags > n.tagImports.size()) {
            w = new ByteWriter().u32(n.tags - n.tagImports.size());
            for (FusePart p : n.parts) {
                for (Tag t : p.s.tags) {
                    w.u8(0).u32(p.types[t.typeIndex()]);
                }
            }
            section(out, SectionIds.TAG, w);
        }

        // global
        w = new ByteWriter().u32(n.globals);
        for (FusePart p : n.parts) {
            Reencode r = reencode(p);
            for (Global g : p.s.globals) {
                Encoders.globalType(w, g.type());
                r.constExpr(p.bytes(), g.init().start(), g.init().end(), w);
            }
        }
        if (n.globals > 0) {
            section(out, SectionIds.GLOBAL, w);
        }

        // export
        w = new ByteWriter();
        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (FusePart p : n.parts) {
            for (Export e : p.s.exports) {
                int index;
                switch (e.kind()) {
                    case FUNC: index = p.functions[e.index()]; break;
                    case GLOBAL: index = p.globalBase + e.index() - p.s.importedGlobals; break;
                    case TAG: index = p.tags[e.index()]; break;
                    default: continue; // the module's memory and table are the fused module's own, exported once below
                }
                String name = p.name() + "." + e.name();
                if (exports.containsKey(name)) {
                    throw new FuseException(p.name(), "its export '" + e.name() + "' would be '" + name
                            + "', which another module's export already is");
                }
                exports.put(name, Encoders.export(name, e.kind(), index));
            }
        }
        exports.put("memory", Encoders.export("memory", ExternalKind.MEMORY, 0));
        if (n.table) {
            exports.put("__indirect_function_table", Encoders.export("__indirect_function_table", ExternalKind.TABLE, 0));
        }
        exports.put("_start", Encoders.export("_start", ExternalKind.FUNC, n.entry));
        w.u32(exports.size());
        for (byte[] e : exports.values()) {
            w.bytes(e);
        }
        section(out, SectionIds.EXPORT, w);

        if (n.anyStart) {
            section(out, SectionIds.START, new ByteWriter().u32(n.startGlue));
        }

        // element: concatenated, all into table 0
        if (n.elements > 0) {
            w = new ByteWriter().u32(n.elements);
            for (FusePart p : n.parts) {
                Reencode r = reencode(p);
                for (ElementSegment e : p.s.elements) {
                    r.element(p.bytes(), e, w);
                }
            }
            section(out, SectionIds.ELEMENT, w);
        }
        if (n.dataCount) {
            section(out, SectionIds.DATA_COUNT, new ByteWriter().u32(n.data));
        }

        // code
        w = new ByteWriter(n.parts.stream().mapToInt(p -> p.bytes().length).sum());
        w.u32(n.next - n.imports.size());
        for (FusePart p : n.parts) {
            Reencode r = reencode(p);
            for (FunctionBody b : p.s.bodies) {
                byte[] nb = r.body(p.bytes(), b);
                if (nb == null) {
                    w.bytes(p.bytes(), b.start(), b.end() - b.start());
                } else {
                    w.u32(nb.length).bytes(nb);
                }
            }
            WasiArgs args = new WasiArgs(p.unit.argv(), p.unit.env());
            for (String g : p.glue) {
                byte[] body = g.equals(StdioClose.NAME) ? StdioClose.body(n.importIndex.get(Fuser.WASI + "." + StdioClose.NAME))
                        : args.body(g);
                w.u32(body.length).bytes(body);
            }
        }
        if (n.anyStart) {
            ByteWriter b = new ByteWriter().u32(0);
            for (FusePart p : n.parts) {
                if (p.s.start >= 0) {
                    b.u8(0x10).u32(p.functions[p.s.start]);
                }
            }
            byte[] body = b.u8(0x0b).toByteArray();
            w.u32(body.length).bytes(body);
        }
        byte[] entryBody = EntryFunction.body(n.parts, n.byName, o);
        w.u32(entryBody.length).bytes(entryBody);
        section(out, SectionIds.CODE, w);

        // data: active segments stay at their planned addresses, passive ones are renumbered by position
        if (n.data > 0) {
            w = new ByteWriter().u32(n.data);
            for (FusePart p : n.parts) {
                Reencode r = reencode(p);
                for (DataSegment d : p.s.data) {
                    r.data(p.bytes(), d, w);
                }
            }
            section(out, SectionIds.DATA, w);
        }

        custom(out, NameSection.NAME, names(n.parts, n.imports, n.startGlue, n.entry));
        custom(out, Fuser.SECTION, FusedMap.json(n.parts.stream().map(p -> new FusedMap.Entry(p.name(), p.firstFunction,
                p.firstFunction + p.s.functionTypes.length + p.glue.size(), stackPointer(p))).toList()));
        return out.toByteArray();
    }

    private static Reencode reencode(FusePart p) {
        int[] types = p.types;
        int[] functions = p.functions;
        int[] tags = p.tags;
        int globalBase = p.globalBase - p.s.importedGlobals;
        return new Reencode()
                .types(t -> types[t])
                .functions(f -> functions[f])
                .globals(g -> globalBase + g)
                .data(d -> p.dataBase + d)
                .elements(e -> p.elementBase + e)
                .tags(t -> tags[t])
                .tables(t -> 0)
                .memories(m -> 0)
                .minimalCallTables(); // runs on builds without reference types: call_indirect's table byte is 0x00
    }

    /** The fused index of the module's {@code __stack_pointer} (by name, else its first mutable i32 global), or -1. */
    private static int stackPointer(FusePart p) {
        if (p.names != null) {
            for (Map.Entry<Integer, String> e : p.names.globals().entrySet()) {
                if (e.getValue().equals("__stack_pointer") && e.getKey() >= p.s.importedGlobals) {
                    return p.globalBase + e.getKey() - p.s.importedGlobals;
                }
            }
        }
        for (Global g : p.s.globals) {
            if (g.type().mutable() && g.type().valueType() == ValueType.I32) {
                return p.globalBase + g.index() - p.s.importedGlobals;
            }
        }
        return -1;
    }

    /** The name section: every function and global prefixed by its module; the glue named {@code __wasm_layout_*}. */
    private static byte[] names(List<FusePart> parts, List<Import> imports, int startGlue, int entry) {
        Map<Integer, String> functions = new TreeMap<>();
        Map<Integer, String> globals = new TreeMap<>();
        for (int k = 0; k < imports.size(); k++) {
            functions.put(k, imports.get(k).module() + "." + imports.get(k).name());
        }
        for (FusePart p : parts) {
            if (p.names != null) {
                for (Map.Entry<Integer, String> e : p.names.functions().entrySet()) {
                    if (e.getKey() >= p.s.importedFunctions && e.getKey() < p.functions.length) {
                        functions.put(p.functions[e.getKey()], p.name() + ":" + e.getValue());
                    }
                }
                for (Map.Entry<Integer, String> e : p.names.globals().entrySet()) {
                    if (e.getKey() >= p.s.importedGlobals && e.getKey() < p.s.globalCount()) {
                        globals.put(p.globalBase + e.getKey() - p.s.importedGlobals, p.name() + ":" + e.getValue());
                    }
                }
            }
            int glue = p.firstFunction + p.s.functionTypes.length;
            for (String g : p.glue) {
                functions.put(glue++, p.name() + ":__wasm_layout_" + g);
            }
        }
        if (startGlue >= 0) {
            functions.put(startGlue, "__wasm_layout_init");
        }
        functions.put(entry, "__wasm_layout_start");
        ByteWriter w = new ByteWriter();
        nameMap(w, 1, functions);
        if (!globals.isEmpty()) {
            nameMap(w, 7, globals);
        }
        return w.toByteArray();
    }

    private static void nameMap(ByteWriter w, int id, Map<Integer, String> names) {
        ByteWriter sub = new ByteWriter().u32(names.size());
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            sub.u32(e.getKey()).name(e.getValue());
        }
        byte[] b = sub.toByteArray();
        w.u8(id).u32(b.length).bytes(b);
    }

    private static void section(ByteWriter out, int id, ByteWriter payload) {
        byte[] b = payload.toByteArray();
        out.u8(id).u32(b.length).bytes(b);
    }

    private static void custom(ByteWriter out, String name, byte[] payload) {
        ByteWriter w = new ByteWriter().name(name).bytes(payload);
        section(out, SectionIds.CUSTOM, w);
    }
}
