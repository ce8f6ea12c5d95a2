package dev.wasmlayout.fuse;

import dev.wasmlayout.patch.Encoders;
import dev.wasmlayout.patch.PatchRecord;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.custom.ProducersSection;
import dev.wasmlayout.wasm.custom.TargetFeaturesSection;
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
import dev.wasmlayout.wasm.sections.ModuleSections;
import dev.wasmlayout.wasm.sections.TableType;
import dev.wasmlayout.wasm.sections.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges modules already patched into one memory (each at its planned regions, each confined, each
 * with its own window of the function table) into one core module, for runtimes that cannot give
 * several instances one memory (WAMR, wasm3, AOT compilers). Every module keeps its functions,
 * globals, data and element segments, and tags (exception handling); the index spaces are concatenated
 * in manifest order and every reference renumbered through {@link Reencode}. Imports between the modules
 * become direct calls (a tag import: the provider's exported tag), each other function or tag import
 * appears once, and every export is named {@code <module>.<export>}. A set that uses exception handling
 * fuses like any other, with a warning: a default WAMR build has no exception handling.
 *
 * <p>Each module is decoded once (the standard sections and its name section; its code was checked
 * when it was patched) and its bodies are scanned once more while renumbered: fusing costs one pass
 * over the bytes.
 *
 * <p>The result carries a custom section {@value #SECTION}: UTF-8 JSON
 * {@code {"modules":[{"name":"producer","functions":[[first,end],...],"globals":{"__stack_pointer":N}}]}}
 * giving the absolute function index ranges (end exclusive) of each module's own functions, including
 * its own versions of WASI functions (args, environ, fd_close), so a host can attribute what a function does to its module;
 * functions that belong to no module (the start and {@code _start} glue) are not listed.
 */
public final class Fuser {
    public static final String SECTION = "wasm-layout.fused";
    static final String WASI = "wasi_snapshot_preview1";

    private Fuser() {
    }

    /** One patched module; {@code argv} starts with argv[0]. */
    public record Unit(String name, byte[] bytes, List<String> argv, Map<String, String> env) {
    }

    /** A call {@code _start} makes: a function export of a module, with constant arguments. */
    public record Call(String module, String export, List<Long> args) {
    }

    /**
     * The memory the fused module defines ({@code importModule} null) or imports, with the plan's
     * pages; {@code calls} are what {@code _start} does, or null for every command's {@code _start}
     * and every reactor's {@code _initialize} in order.
     */
    public record Options(long initialPages, long maxPages, String importModule, String importName, List<Call> calls) {
    }

    public record Fused(byte[] bytes, List<String> warnings) {
    }

    /** A unit decoded, with where its pieces land in the fused index spaces. */
    private static final class Part {
        final Unit unit;
        final WasmModule module;
        final ModuleSections s;
        final NameSection names;
        /** Tags, or exception-handling in the target_features the linker wrote. */
        final boolean exceptionHandling;
        int[] types;
        int[] functions;
        /** Module tag index (imports first) to fused tag index. */
        int[] tags;
        int firstFunction;
        int globalBase;
        int dataBase;
        int elementBase;
        /** The WASI functions this module gets its own version of ({@link #GLUED}), in that order. */
        final List<String> glue = new ArrayList<>();

        Part(Unit unit) {
            this.unit = unit;
            try {
                this.module = WasmModule.read(unit.bytes());
                this.s = ModuleSections.decode(module);
                this.names = module.custom(NameSection.NAME).map(x -> NameSection.read(unit.bytes(), x)).orElse(null);
                List<String> features = module.custom(TargetFeaturesSection.NAME)
                        .map(x -> TargetFeaturesSection.read(unit.bytes(), x).features()).orElse(List.of());
                this.exceptionHandling = s.tagCount() > 0 || features.contains("+exception-handling")
                        || features.contains("=exception-handling");
            } catch (WasmException e) {
                throw new FuseException(unit.name(), e.getMessage());
            }
        }

        String name() {
            return unit.name();
        }

        byte[] bytes() {
            return unit.bytes();
        }
    }

    public static Fused fuse(List<Unit> units, Options o) {
        List<Part> parts = new ArrayList<>();
        for (Unit u : units) {
            Part p = new Part(u);
            check(p);
            parts.add(p);
        }
        Plan plan = new Plan(parts);
        List<String> warnings = dropped(parts);
        warnings.addAll(exceptionHandling(parts));
        return new Fused(plan.write(o), warnings);
    }

    /** Where every module's types, functions, globals, data and element segments land in the fused index spaces. */
    private static final class Plan {
        final List<Part> parts;
        final Map<String, Part> byName = new LinkedHashMap<>();
        /** Deduplicated, in order of first use. */
        final Map<FuncType, Integer> types = new LinkedHashMap<>();
        int voidIndex;
        /** Function imports that stay imports, each once. */
        final List<Import> imports = new ArrayList<>();
        final List<Integer> importTypes = new ArrayList<>();
        final Map<String, Integer> importIndex = new LinkedHashMap<>();
        /** Tag imports that stay imports (from no module of the set), each once: the first tags of the fused module. */
        final List<Import> tagImports = new ArrayList<>();
        final List<Integer> tagImportTypes = new ArrayList<>();
        final Map<String, Integer> tagImportIndex = new LinkedHashMap<>();
        /** Tag count: those imports, then every module's own tags. */
        int tags;
        /** Function count; the start glue (-1: none) and _start. */
        int next;
        boolean anyStart;
        int startGlue = -1;
        int entry;
        int globals;
        int data;
        int elements;
        long tableMin;
        boolean dataCount;
        boolean table;

        Plan(List<Part> parts) {
            this.parts = parts;
            for (Part p : parts) {
                byName.put(p.name(), p);
            }

            // types: deduplicated, in order of first use
            for (Part p : parts) {
                p.types = new int[p.s.types.size()];
                for (int t = 0; t < p.types.length; t++) {
                    p.types[t] = types.computeIfAbsent(p.s.types.get(t), k -> types.size());
                }
            }
            FuncType voidType = new FuncType(new int[0], new int[0]);
            voidIndex = types.computeIfAbsent(voidType, k -> types.size());

            // function imports that stay imports: each once (a WASI function with two types is refused)
            for (Part p : parts) {
                for (Import i : p.s.imports) {
                    if (i.kind() != ExternalKind.FUNC || byName.containsKey(i.module()) || isArgs(i)) {
                        continue;
                    }
                    int type = p.types[i.typeIndex()];
                    Integer known = importIndex.get(i.fullName());
                    if (known == null) {
                        importIndex.put(i.fullName(), imports.size());
                        imports.add(i);
                        importTypes.add(type);
                    } else if (importTypes.get(known) != type) {
                        throw new FuseException(p.name(), "imports " + i.fullName() + " as " + p.s.types.get(i.typeIndex())
                                + " but an earlier module imports it as " + typeOf(types, importTypes.get(known)));
                    }
                }
            }

            // defined functions: each module's own, then its args/environ functions
            next = imports.size();
            for (Part p : parts) {
                p.firstFunction = next;
                for (String g : GLUED) {
                    if (p.s.imports.stream().anyMatch(i -> i.kind() == ExternalKind.FUNC && i.module().equals(WASI)
                            && i.name().equals(g))) {
                        p.glue.add(g);
                    }
                }
                next += p.s.functionTypes.length + p.glue.size();
            }
            anyStart = parts.stream().anyMatch(p -> p.s.start >= 0);
            if (anyStart) {
                startGlue = next++;
            }
            entry = next++;

            // per-module function maps; imports from other modules of the set resolve to the provider's function
            for (Part p : parts) {
                p.functions = new int[p.s.functionCount()];
                for (int d = 0; d < p.s.functionTypes.length; d++) {
                    p.functions[p.s.importedFunctions + d] = p.firstFunction + d;
                }
            }
            for (Part p : parts) {
                int j = 0;
                for (Import i : p.s.imports) {
                    if (i.kind() != ExternalKind.FUNC) {
                        continue;
                    }
                    FuncType want = p.s.types.get(i.typeIndex());
                    if (isGlued(i)) {
                        checkType(p, i, want, glueType(i.name()));
                        p.functions[j] = p.firstFunction + p.s.functionTypes.length + p.glue.indexOf(i.name());
                    } else if (byName.containsKey(i.module())) {
                        p.functions[j] = provider(p, i, want, byName.get(i.module()), byName, 0);
                    } else {
                        p.functions[j] = importIndex.get(i.fullName());
                    }
                    j++;
                }
            }

            tags(parts);

            for (Part p : parts) {
                p.globalBase = globals;
                globals += p.s.globals.size();
                p.dataBase = data;
                data += p.s.data.size();
                p.elementBase = elements;
                elements += p.s.elements.size();
                if (!p.s.tables.isEmpty()) {
                    tableMin = Math.max(tableMin, p.s.tables.get(0).limits().min());
                }
                dataCount |= p.s.dataCount >= 0;
            }
            table = tableMin > 0 || elements > 0;
        }

        /**
         * Tags: an import from a module of the set is the tag that module exports, any other import stays
         * one (each once, like functions), and every module's own tags follow in manifest order.
         */
        private void tags(List<Part> parts) {
            for (Part p : parts) {
                for (Import i : p.s.imports) {
                    if (i.kind() != ExternalKind.TAG || byName.containsKey(i.module())) {
                        continue;
                    }
                    int type = p.types[i.typeIndex()];
                    Integer known = tagImportIndex.get(i.fullName());
                    if (known == null) {
                        tagImportIndex.put(i.fullName(), tagImports.size());
                        tagImports.add(i);
                        tagImportTypes.add(type);
                    } else if (tagImportTypes.get(known) != type) {
                        throw new FuseException(p.name(), "imports tag " + i.fullName() + " as " + p.s.types.get(i.typeIndex())
                                + " but an earlier module imports it as " + typeOf(types, tagImportTypes.get(known)));
                    }
                }
            }
            tags = tagImports.size();
            for (Part p : parts) {
                p.tags = new int[p.s.tagCount()];
                for (int d = 0; d < p.s.tags.size(); d++) {
                    p.tags[p.s.importedTags + d] = tags++;
                }
            }
            for (Part p : parts) {
                int j = 0;
                for (Import i : p.s.imports) {
                    if (i.kind() == ExternalKind.TAG) {
                        p.tags[j++] = byName.containsKey(i.module())
                                ? tagProvider(p, i, p.s.types.get(i.typeIndex()), byName.get(i.module()), 0)
                                : tagImportIndex.get(i.fullName());
                    }
                }
            }
        }

        /** The fused index of the tag {@code provider} exports as {@code i.name()}, checked against the import's type. */
        private int tagProvider(Part p, Import i, FuncType want, Part provider, int depth) {
            if (depth > byName.size()) {
                throw new FuseException(p.name(), "tag import " + i.fullName() + " is re-exported in a cycle");
            }
            int exported = provider.s.exportedIndex(ExternalKind.TAG, i.name());
            if (exported < 0) {
                throw new FuseException(p.name(), "imports tag " + i.fullName() + " but module '" + provider.name()
                        + "' exports no tag '" + i.name() + "'");
            }
            FuncType have = provider.s.tagType(exported);
            if (!want.equals(have)) {
                throw new FuseException(p.name(), "imports tag " + i.fullName() + " as " + want + " but module '"
                        + provider.name() + "' exports it as " + have);
            }
            if (exported >= provider.s.importedTags) {
                return provider.tags[exported];
            }
            Import again = importedTag(provider.s, exported);
            return byName.containsKey(again.module()) ? tagProvider(provider, again, want, byName.get(again.module()), depth + 1)
                    : tagImportIndex.get(again.fullName());
        }

        byte[] write(Options o) {
            ByteWriter out = new ByteWriter(parts.stream().mapToInt(p -> p.bytes().length).sum() + 1024);
            out.bytes(WasmModule.MAGIC).u32le(WasmModule.VERSION);

            // type
            ByteWriter w = new ByteWriter().u32(types.size());
            for (FuncType t : types.keySet()) {
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
            int importCount = imports.size() + tagImports.size() + (o.importModule() != null ? 1 : 0);
            w.u32(importCount);
            for (int k = 0; k < imports.size(); k++) {
                w.name(imports.get(k).module()).name(imports.get(k).name()).u8(0).u32(importTypes.get(k));
            }
            for (int k = 0; k < tagImports.size(); k++) {
                w.name(tagImports.get(k).module()).name(tagImports.get(k).name()).u8(ExternalKind.TAG.code())
                        .u8(0).u32(tagImportTypes.get(k)); // attribute 0: exception
            }
            if (o.importModule() != null) {
                w.bytes(Encoders.memoryImport(o.importModule(), o.importName(), o.initialPages(), o.maxPages()));
            }
            if (importCount > 0) {
                section(out, SectionIds.IMPORT, w);
            }

            // function
            w = new ByteWriter().u32(next - imports.size());
            for (Part p : parts) {
                for (int t : p.s.functionTypes) {
                    w.u32(p.types[t]);
                }
                for (String g : p.glue) {
                    w.u32(types.get(glueType(g)));
                }
            }
            if (anyStart) {
                w.u32(voidIndex);
            }
            w.u32(voidIndex);
            section(out, SectionIds.FUNCTION, w);

            // table: one, holding every module's window; no growth, so its maximum is its size
            if (table) {
                long size = Math.max(tableMin, 1);
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
            if (tags > tagImports.size()) {
                w = new ByteWriter().u32(tags - tagImports.size());
                for (Part p : parts) {
                    for (Tag t : p.s.tags) {
                        w.u8(0).u32(p.types[t.typeIndex()]);
                    }
                }
                section(out, SectionIds.TAG, w);
            }

            // global
            w = new ByteWriter().u32(globals);
            for (Part p : parts) {
                Reencode r = reencode(p);
                for (Global g : p.s.globals) {
                    Encoders.globalType(w, g.type());
                    r.constExpr(p.bytes(), g.init().start(), g.init().end(), w);
                }
            }
            if (globals > 0) {
                section(out, SectionIds.GLOBAL, w);
            }

            // export
            w = new ByteWriter();
            Map<String, byte[]> exports = new LinkedHashMap<>();
            for (Part p : parts) {
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
            if (table) {
                exports.put("__indirect_function_table", Encoders.export("__indirect_function_table", ExternalKind.TABLE, 0));
            }
            exports.put("_start", Encoders.export("_start", ExternalKind.FUNC, entry));
            w.u32(exports.size());
            for (byte[] e : exports.values()) {
                w.bytes(e);
            }
            section(out, SectionIds.EXPORT, w);

            if (anyStart) {
                section(out, SectionIds.START, new ByteWriter().u32(startGlue));
            }

            // element: concatenated, all into table 0
            if (elements > 0) {
                w = new ByteWriter().u32(elements);
                for (Part p : parts) {
                    Reencode r = reencode(p);
                    for (ElementSegment e : p.s.elements) {
                        r.element(p.bytes(), e, w);
                    }
                }
                section(out, SectionIds.ELEMENT, w);
            }
            if (dataCount) {
                section(out, SectionIds.DATA_COUNT, new ByteWriter().u32(data));
            }

            // code
            w = new ByteWriter(parts.stream().mapToInt(p -> p.bytes().length).sum());
            w.u32(next - imports.size());
            for (Part p : parts) {
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
                    byte[] body = g.equals(StdioClose.NAME) ? StdioClose.body(importIndex.get(WASI + "." + StdioClose.NAME))
                            : args.body(g);
                    w.u32(body.length).bytes(body);
                }
            }
            if (anyStart) {
                ByteWriter b = new ByteWriter().u32(0);
                for (Part p : parts) {
                    if (p.s.start >= 0) {
                        b.u8(0x10).u32(p.functions[p.s.start]);
                    }
                }
                byte[] body = b.u8(0x0b).toByteArray();
                w.u32(body.length).bytes(body);
            }
            byte[] entryBody = entryBody(parts, byName, o);
            w.u32(entryBody.length).bytes(entryBody);
            section(out, SectionIds.CODE, w);

            // data: active segments stay at their planned addresses, passive ones are renumbered by position
            if (data > 0) {
                w = new ByteWriter().u32(data);
                for (Part p : parts) {
                    Reencode r = reencode(p);
                    for (DataSegment d : p.s.data) {
                        r.data(p.bytes(), d, w);
                    }
                }
                section(out, SectionIds.DATA, w);
            }

            custom(out, NameSection.NAME, names(parts, imports, startGlue, entry));
            custom(out, SECTION, FusedMap.json(parts.stream().map(p -> new FusedMap.Entry(p.name(), p.firstFunction,
                    p.firstFunction + p.s.functionTypes.length + p.glue.size(), stackPointer(p))).toList()));
            return out.toByteArray();
        }
    }

    /** One warning line per module whose custom sections (debug info and such) the fused module drops. */
    private static List<String> dropped(List<Part> parts) {
        List<String> warnings = new ArrayList<>();
        for (Part p : parts) {
            Set<String> dropped = new TreeSet<>();
            for (Section s : p.module.sections()) {
                if (s.isCustom() && !KEPT_OR_MERGED.contains(s.customName())) {
                    dropped.add(s.customName());
                }
            }
            if (!dropped.isEmpty()) {
                warnings.add("module '" + p.name() + "': dropped custom section" + (dropped.size() > 1 ? "s " : " ")
                        + String.join(", ", dropped) + " (debug info and such describe the module alone, not the fused one)");
            }
        }
        return warnings;
    }

    /**
     * One warning line when a module uses exception handling (tags, or the feature in its
     * target_features): V8 runs the fused module, a default WAMR build (iwasm, wamrc) refuses it.
     */
    private static List<String> exceptionHandling(List<Part> parts) {
        List<String> users = new ArrayList<>();
        for (Part p : parts) {
            if (p.exceptionHandling) {
                users.add("'" + p.name() + "'");
            }
        }
        if (users.isEmpty()) {
            return List.of();
        }
        return List.of("module" + (users.size() > 1 ? "s " : " ") + String.join(", ", users) + " use" + (users.size() > 1 ? "" : "s")
                + " exception handling: the fused module needs a runtime with exception handling (V8/node, wasmtime);"
                + " a default WAMR build has none");
    }

    /** Custom sections whose content the fused module carries over (names) or that only describe the build. */
    private static final Set<String> KEPT_OR_MERGED = Set.of(NameSection.NAME, ProducersSection.NAME,
            TargetFeaturesSection.NAME, PatchRecord.SECTION);

    private static void check(Part p) {
        ModuleSections s = p.s;
        for (Import i : s.imports) {
            switch (i.kind()) {
                case GLOBAL:
                    throw new FuseException(p.name(), "imports global " + i.fullName()
                            + ", which nothing in a fused module can provide (WAMR links no global imports)");
                case TABLE:
                    throw new FuseException(p.name(), "imports table " + i.fullName() + "; a fused module has one table of its own");
                default:
                    break;
            }
        }
        if (s.importedMemories + s.memories.size() != 1) {
            throw new FuseException(p.name(), "has " + (s.importedMemories + s.memories.size())
                    + " memories; a fused module has exactly one");
        }
        if (s.tables.size() > 1) {
            throw new FuseException(p.name(), "has " + s.tables.size() + " tables; a fused module has one");
        }
        for (ElementSegment e : s.elements) {
            if (e.active() && e.tableIndex() != 0) {
                throw new FuseException(p.name(), "element segment " + e.index() + " fills table " + e.tableIndex());
            }
        }
    }

    /** WASI functions each module gets its own version of: its argv and environment, and closing stdio. */
    static final List<String> GLUED = List.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get", StdioClose.NAME);

    private static FuncType glueType(String name) {
        return name.equals(StdioClose.NAME) ? new FuncType(new int[] {ValueType.I32}, new int[] {ValueType.I32})
                : new FuncType(new int[] {ValueType.I32, ValueType.I32}, new int[] {ValueType.I32});
    }

    private static boolean isGlued(Import i) {
        return i.kind() == ExternalKind.FUNC && i.module().equals(WASI) && GLUED.contains(i.name());
    }

    /** The glued WASI functions that are not imported at all (fd_close still is, for the fds that are not stdio). */
    private static boolean isArgs(Import i) {
        return i.kind() == ExternalKind.FUNC && i.module().equals(WASI) && WasiArgs.NAMES.contains(i.name());
    }

    private static void checkType(Part p, Import i, FuncType have, FuncType want) {
        if (!have.equals(want)) {
            throw new FuseException(p.name(), "imports " + i.fullName() + " as " + have + " instead of WASI's " + want);
        }
    }

    private static String typeOf(Map<FuncType, Integer> types, int index) {
        for (Map.Entry<FuncType, Integer> e : types.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey().toString();
            }
        }
        return "type " + index;
    }

    /** The fused index of the function {@code provider} exports as {@code i.name()}, checked against the import's type. */
    private static int provider(Part p, Import i, FuncType want, Part provider, Map<String, Part> byName, int depth) {
        if (depth > byName.size()) {
            throw new FuseException(p.name(), "import " + i.fullName() + " is re-exported in a cycle");
        }
        for (Export e : provider.s.exports) {
            if (e.kind() != ExternalKind.FUNC || !e.name().equals(i.name())) {
                continue;
            }
            FuncType have = provider.s.functionType(e.index());
            if (!want.equals(have)) {
                throw new FuseException(p.name(), "imports " + i.fullName() + " as " + want + " but module '"
                        + provider.name() + "' exports it as " + have);
            }
            if (e.index() >= provider.s.importedFunctions) {
                return provider.functions[e.index()];
            }
            Import again = importedFunction(provider.s, e.index());
            if (byName.containsKey(again.module())) {
                return provider(provider, again, want, byName.get(again.module()), byName, depth + 1);
            }
            throw new FuseException(p.name(), "imports " + i.fullName() + ", which module '" + provider.name()
                    + "' only re-exports from " + again.fullName());
        }
        throw new FuseException(p.name(), "imports " + i.fullName() + " but module '" + provider.name()
                + "' exports no function '" + i.name() + "'");
    }

    private static Import importedTag(ModuleSections s, int index) {
        int seen = 0;
        for (Import i : s.imports) {
            if (i.kind() == ExternalKind.TAG && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("no imported tag " + index);
    }

    private static Import importedFunction(ModuleSections s, int index) {
        int seen = 0;
        for (Import i : s.imports) {
            if (i.kind() == ExternalKind.FUNC && seen++ == index) {
                return i;
            }
        }
        throw new IllegalArgumentException("no imported function " + index);
    }

    private static Reencode reencode(Part p) {
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

    /** {@code _start}: the run's calls with their constant arguments, or every command and reactor entry point. */
    private static byte[] entryBody(List<Part> parts, Map<String, Part> byName, Options o) {
        ByteWriter b = new ByteWriter().u32(0);
        if (o.calls() == null) {
            for (Part p : parts) {
                int f = exportedFunction(p, "_start");
                if (f < 0) {
                    f = exportedFunction(p, "_initialize");
                }
                if (f >= 0) {
                    b.u8(0x10).u32(p.functions[f]);
                }
            }
        } else {
            for (Call c : o.calls()) {
                Part p = byName.get(c.module());
                if (p == null) {
                    throw new FuseException(c.module(), "a run step calls " + c.module() + "." + c.export()
                            + " but that module is not in the fused set");
                }
                int f = exportedFunction(p, c.export());
                if (f < 0) {
                    throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export()
                            + ", which the module does not export as a function");
                }
                FuncType t = p.s.functionType(f);
                if (t.params().length != c.args().size()) {
                    throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export() + " with "
                            + c.args().size() + " arguments; it takes " + t.params().length);
                }
                for (int k = 0; k < t.params().length; k++) {
                    constant(b, t.params()[k], c.args().get(k), p, c);
                }
                b.u8(0x10).u32(p.functions[f]);
                for (int k = 0; k < t.results().length; k++) {
                    b.u8(0x1a); // results are dropped
                }
            }
        }
        return b.u8(0x0b).toByteArray();
    }

    private static void constant(ByteWriter b, int type, long v, Part p, Call c) {
        switch (type) {
            case ValueType.I32: b.u8(0x41).s32((int) v); break;
            case ValueType.I64: b.u8(0x42).s64(v); break;
            case ValueType.F32: b.u8(0x43).u32le(Float.floatToRawIntBits(v)); break;
            case ValueType.F64: b.u8(0x44).u64le(Double.doubleToRawLongBits(v)); break;
            default:
                throw new FuseException(p.name(), "a run step calls " + c.module() + "." + c.export()
                        + ", which takes a " + ValueType.name(type) + " that a constant cannot give");
        }
    }

    private static int exportedFunction(Part p, String name) {
        return p.s.exportedIndex(ExternalKind.FUNC, name);
    }

    /** The fused index of the module's {@code __stack_pointer} (by name, else its first mutable i32 global), or -1. */
    private static int stackPointer(Part p) {
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
    private static byte[] names(List<Part> parts, List<Import> imports, int startGlue, int entry) {
        Map<Integer, String> functions = new TreeMap<>();
        Map<Integer, String> globals = new TreeMap<>();
        for (int k = 0; k < imports.size(); k++) {
            functions.put(k, imports.get(k).module() + "." + imports.get(k).name());
        }
        for (Part p : parts) {
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
