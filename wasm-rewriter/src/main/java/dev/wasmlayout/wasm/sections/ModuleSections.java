package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.ConstExpr;
import dev.wasmlayout.wasm.code.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decoded contents of a module's standard (non-custom) sections, with the cross-section checks
 * that need several of them (function and code counts, data count, type indices).
 */
public final class ModuleSections {
    public final List<FuncType> types;
    public final List<Import> imports;
    /** Type index of every defined function, in order. */
    public final int[] functionTypes;
    public final List<TableType> tables;
    public final List<Limits> memories;
    /** Tags the module defines (exception handling); imported tags are the imports of kind tag. */
    public final List<Tag> tags;
    public final List<Global> globals;
    public final List<Export> exports;
    public final int start;
    public final List<ElementSegment> elements;
    public final long dataCount;
    public final List<FunctionBody> bodies;
    public final List<DataSegment> data;
    public final int importedFunctions;
    public final int importedGlobals;
    public final int importedMemories;
    public final int importedTables;
    public final int importedTags;

    private ModuleSections(Builder b) {
        types = Collections.unmodifiableList(b.types);
        imports = Collections.unmodifiableList(b.imports);
        functionTypes = b.functionTypes;
        tables = Collections.unmodifiableList(b.tables);
        memories = Collections.unmodifiableList(b.memories);
        tags = Collections.unmodifiableList(b.tags);
        globals = Collections.unmodifiableList(b.globals);
        exports = Collections.unmodifiableList(b.exports);
        start = b.start;
        elements = Collections.unmodifiableList(b.elements);
        dataCount = b.dataCount;
        bodies = Collections.unmodifiableList(b.bodies);
        data = Collections.unmodifiableList(b.data);
        importedFunctions = count(b.imports, ExternalKind.FUNC);
        importedGlobals = count(b.imports, ExternalKind.GLOBAL);
        importedMemories = count(b.imports, ExternalKind.MEMORY);
        importedTables = count(b.imports, ExternalKind.TABLE);
        importedTags = count(b.imports, ExternalKind.TAG);
    }

    private static int count(List<Import> imports, ExternalKind kind) {
        int n = 0;
        for (Import i : imports) {
            if (i.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    public int functionCount() {
        return importedFunctions + functionTypes.length;
    }

    public int globalCount() {
        return importedGlobals + globals.size();
    }

    /** Size of the tag index space: imported tags, then defined ones. */
    public int tagCount() {
        return importedTags + tags.size();
    }

    /** Function type of tag {@code index} (imports first), or null when out of range. */
    public FuncType tagType(int index) {
        if (index < importedTags) {
            int seen = 0;
            for (Import i : imports) {
                if (i.kind() == ExternalKind.TAG && seen++ == index) {
                    return types.get(i.typeIndex());
                }
            }
            return null;
        }
        int d = index - importedTags;
        return d < tags.size() ? types.get(tags.get(d).typeIndex()) : null;
    }

    /** Type of function {@code index} (imports first), or null when out of range. */
    public FuncType functionType(int index) {
        if (index < importedFunctions) {
            int seen = 0;
            for (Import i : imports) {
                if (i.kind() == ExternalKind.FUNC && seen++ == index) {
                    return types.get(i.typeIndex());
                }
            }
            return null;
        }
        int d = index - importedFunctions;
        return d < functionTypes.length ? types.get(functionTypes[d]) : null;
    }

    /** The index the module exports as {@code name} with this kind, or -1 (export names are unique). */
    public int exportedIndex(ExternalKind kind, String name) {
        for (Export e : exports) {
            if (e.kind() == kind && e.name().equals(name)) {
                return e.index();
            }
        }
        return -1;
    }

    /** The first name under which the thing {@code index} of this kind is exported, or null. */
    public String exportName(ExternalKind kind, int index) {
        for (Export e : exports) {
            if (e.kind() == kind && e.index() == index) {
                return e.name();
            }
        }
        return null;
    }

    /** Whether anything of this kind is exported (a module exports at most one memory, table...). */
    public boolean exportsKind(ExternalKind kind) {
        for (Export e : exports) {
            if (e.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    public static ModuleSections decode(WasmModule module) {
        Builder b = new Builder();
        byte[] bytes = module.bytes();
        for (Section s : module.sections()) {
            if (s.isCustom()) {
                continue;
            }
            ByteReader r = s.payload(bytes);
            switch (s.id()) {
                case SectionIds.TYPE: readTypes(r, b); break;
                case SectionIds.IMPORT: readImports(r, b); break;
                case SectionIds.FUNCTION: readFunctions(r, b); break;
                case SectionIds.TABLE: readTables(r, b); break;
                case SectionIds.MEMORY: readMemories(r, b); break;
                case SectionIds.TAG: readTags(r, b); break;
                case SectionIds.GLOBAL: readGlobals(r, b); break;
                case SectionIds.EXPORT: readExports(r, b); break;
                case SectionIds.START: b.start = r.u32AsInt("start function index"); break;
                case SectionIds.ELEMENT: readElements(r, b); break;
                case SectionIds.DATA_COUNT: b.dataCount = r.u32(); break;
                case SectionIds.CODE: readCode(r, b); break;
                case SectionIds.DATA: readData(r, b); break;
                default: throw WasmException.malformed(s.start(), null, "unknown section id " + s.id());
            }
            r.expectEnd(s.displayName() + " section");
        }
        check(module, b);
        return new ModuleSections(b);
    }

    private static void check(WasmModule module, Builder b) {
        int codeAt = module.section(SectionIds.CODE).map(Section::start).orElse(module.bytes().length);
        if (b.functionTypes.length != b.bodies.size()) {
            throw WasmException.malformed(codeAt, "code", "function and code section have inconsistent lengths: "
                    + b.functionTypes.length + " functions declared, " + b.bodies.size() + " bodies");
        }
        for (int t : b.functionTypes) {
            if (t >= b.types.size()) {
                int at = module.section(SectionIds.FUNCTION).map(Section::start).orElse(0);
                throw WasmException.invalid(at, "function", "unknown type index " + t);
            }
        }
        for (Import i : b.imports) {
            if ((i.kind() == ExternalKind.FUNC || i.kind() == ExternalKind.TAG) && i.typeIndex() >= b.types.size()) {
                throw WasmException.invalid(i.offset(), "import", "unknown type index " + i.typeIndex() + " for " + i.fullName());
            }
            if (i.kind() == ExternalKind.TAG) {
                checkTagType(i.typeIndex(), i.offset(), "import", b);
            }
        }
        for (Tag t : b.tags) {
            if (t.typeIndex() >= b.types.size()) {
                throw WasmException.invalid(t.offset(), "tag", "unknown type index " + t.typeIndex() + " for tag " + t.index());
            }
            checkTagType(t.typeIndex(), t.offset(), "tag", b);
        }
        if (b.dataCount >= 0 && b.dataCount != b.data.size()) {
            int at = module.section(SectionIds.DATA_COUNT).map(Section::start).orElse(0);
            throw WasmException.malformed(at, "data count", "data count " + b.dataCount + " and data section's "
                    + b.data.size() + " segments differ");
        }
    }

    /** A tag's type describes the exception's payload: parameters only (the spec's "non-empty tag result type"). */
    private static void checkTagType(int typeIndex, int at, String section, Builder b) {
        if (b.types.get(typeIndex).results().length != 0) {
            throw WasmException.invalid(at, section, "tag type " + typeIndex + " has results; a tag's type may only have parameters");
        }
    }

    private static void readTypes(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 3, "type");
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            int form = r.u8();
            if (form != FuncType.FORM) {
                if (form == 0x4e || form == 0x4f || form == 0x50 || form == 0x5e || form == 0x5f) {
                    throw r.unsupportedAt(at, String.format("GC type form 0x%02x is not supported", form));
                }
                throw r.malformedAt(at, String.format("expected function type 0x60, got 0x%02x", form));
            }
            int[] params = readValueTypes(r, "parameter");
            int[] results = readValueTypes(r, "result");
            b.types.add(new FuncType(params, results));
        }
    }

    private static int[] readValueTypes(ByteReader r, String what) {
        int n = r.checkCount(r.u32(), 1, what);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = ValueType.read(r);
        }
        return out;
    }

    private static void readImports(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 4, "import");
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            String module = r.name("import module name");
            String name = r.name("import name");
            int kindAt = r.pos();
            ExternalKind kind = ExternalKind.of(r.u8());
            if (kind == null) {
                throw r.malformedAt(kindAt, "unknown import kind " + (r.array()[kindAt] & 0xff));
            }
            switch (kind) {
                case FUNC:
                    b.imports.add(new Import(module, name, kind, r.u32AsInt("type index"), null, null, null, at));
                    break;
                case TABLE:
                    b.imports.add(new Import(module, name, kind, -1, readTableType(r), null, null, at));
                    break;
                case MEMORY:
                    b.imports.add(new Import(module, name, kind, -1, null, Limits.read(r), null, at));
                    break;
                case GLOBAL:
                    b.imports.add(new Import(module, name, kind, -1, null, null, readGlobalType(r), at));
                    break;
                case TAG:
                    b.imports.add(new Import(module, name, kind, readTagType(r), null, null, null, at));
                    break;
                default:
                    throw new AssertionError(kind);
            }
        }
    }

    /** A tag type: the attribute (0, "exception", the only one) and a function type index. */
    private static int readTagType(ByteReader r) {
        int at = r.pos();
        int attribute = r.u8();
        if (attribute != 0) {
            throw r.malformedAt(at, "tag attribute must be 0 (exception), got " + attribute);
        }
        return r.u32AsInt("tag type index");
    }

    private static void readTags(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "tag");
        int index = count(b.imports, ExternalKind.TAG);
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            b.tags.add(new Tag(index++, readTagType(r), at));
        }
    }

    private static TableType readTableType(ByteReader r) {
        int ref = ValueType.readRefType(r);
        return new TableType(ref, Limits.read(r));
    }

    private static GlobalType readGlobalType(ByteReader r) {
        int t = ValueType.read(r);
        int at = r.pos();
        int mut = r.u8();
        if (mut > 1) {
            throw r.malformedAt(at, "global mutability must be 0 or 1, got " + mut);
        }
        return new GlobalType(t, mut == 1);
    }

    private static void readFunctions(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 1, "function");
        b.functionTypes = new int[n];
        for (int i = 0; i < n; i++) {
            b.functionTypes[i] = r.u32AsInt("type index");
        }
    }

    private static void readTables(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "table");
        for (int i = 0; i < n; i++) {
            if (r.peekU8() == 0x40) {
                throw r.unsupportedAt(r.pos(), "tables with initializer expressions are not supported");
            }
            b.tables.add(readTableType(r));
        }
    }

    private static void readMemories(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "memory");
        for (int i = 0; i < n; i++) {
            b.memories.add(Limits.read(r));
        }
    }

    private static void readGlobals(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 3, "global");
        int index = count(b.imports, ExternalKind.GLOBAL);
        for (int i = 0; i < n; i++) {
            GlobalType t = readGlobalType(r);
            b.globals.add(new Global(index++, t, ConstExpr.read(r)));
        }
    }

    private static void readExports(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 3, "export");
        for (int i = 0; i < n; i++) {
            String name = r.name("export name");
            int kindAt = r.pos();
            ExternalKind kind = ExternalKind.of(r.u8());
            if (kind == null) {
                throw r.malformedAt(kindAt, "unknown export kind " + (r.array()[kindAt] & 0xff));
            }
            b.exports.add(new Export(name, kind, r.u32AsInt("export index")));
        }
    }

    private static void readElements(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "element segment");
        for (int i = 0; i < n; i++) {
            int start = r.pos();
            int flags = r.u32AsInt("element segment flags");
            if (flags > 7) {
                throw r.malformedAt(start, "element segment flags " + flags + " are not 0-7");
            }
            boolean passiveOrDeclared = (flags & 1) != 0;
            boolean explicitTable = (flags & 2) != 0;
            boolean usesExprs = (flags & 4) != 0;
            int table = 0;
            ConstExpr offset = null;
            if (!passiveOrDeclared) {
                if (explicitTable) {
                    table = r.u32AsInt("table index");
                }
                offset = ConstExpr.read(r);
            }
            if (passiveOrDeclared || explicitTable) {
                if (usesExprs) {
                    ValueType.readRefType(r);
                } else {
                    int kindAt = r.pos();
                    if (r.u8() != 0) {
                        throw r.malformedAt(kindAt, "element kind must be 0 (funcref)");
                    }
                }
            }
            int count = r.checkCount(r.u32(), usesExprs ? 2 : 1, "element");
            int[] funcs = null;
            if (usesExprs) {
                for (int k = 0; k < count; k++) {
                    ConstExpr.read(r);
                }
            } else {
                funcs = new int[count];
                for (int k = 0; k < count; k++) {
                    funcs[k] = r.u32AsInt("function index");
                }
            }
            b.elements.add(new ElementSegment(i, flags, table, offset, funcs, usesExprs ? count : 0, start, r.pos()));
        }
    }

    private static void readCode(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "function body");
        int index = count(b.imports, ExternalKind.FUNC);
        for (int i = 0; i < n; i++) {
            int start = r.pos();
            int size = r.u32AsInt("function body size");
            r.require(size, "function body");
            int localsStart = r.pos();
            ByteReader body = new ByteReader(r.array(), localsStart, localsStart + size, "code");
            int groups = body.checkCount(body.u32(), 2, "local group");
            long locals = 0;
            for (int g = 0; g < groups; g++) {
                int at = body.pos();
                locals += body.u32();
                if (locals > 50_000) {
                    // engines reject more; the number also guards any per-local allocation later on
                    throw body.invalidAt(at, "function " + index + " declares " + locals + " locals, more than 50000");
                }
                ValueType.read(body);
            }
            int codeStart = body.pos();
            int end = localsStart + size;
            if (size == 0 || (r.array()[end - 1] & 0xff) != 0x0b) {
                throw r.malformedAt(Math.max(localsStart, end - 1), "function " + index + " body does not end with 'end'");
            }
            b.bodies.add(new FunctionBody(index++, start, localsStart, codeStart, end, locals));
            r.seek(end);
        }
    }

    private static void readData(ByteReader r, Builder b) {
        int n = r.checkCount(r.u32(), 2, "data segment");
        for (int i = 0; i < n; i++) {
            int start = r.pos();
            int flags = r.u32AsInt("data segment flags");
            boolean active;
            int memory = 0;
            ConstExpr offset = null;
            switch (flags) {
                case 0: active = true; offset = ConstExpr.read(r); break;
                case 1: active = false; break;
                case 2: active = true; memory = r.u32AsInt("memory index"); offset = ConstExpr.read(r); break;
                default: throw r.malformedAt(start, "data segment flags " + flags + " are not 0, 1 or 2");
            }
            int len = r.u32AsInt("data segment size");
            r.require(len, "data segment bytes");
            int dataStart = r.pos();
            r.skip(len, "data segment bytes");
            b.data.add(new DataSegment(i, active, memory, offset, dataStart, len, start, r.pos()));
        }
    }

    private static final class Builder {
        final List<FuncType> types = new ArrayList<>();
        final List<Import> imports = new ArrayList<>();
        int[] functionTypes = new int[0];
        final List<TableType> tables = new ArrayList<>();
        final List<Limits> memories = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();
        final List<Global> globals = new ArrayList<>();
        final List<Export> exports = new ArrayList<>();
        int start = -1;
        final List<ElementSegment> elements = new ArrayList<>();
        long dataCount = -1;
        final List<FunctionBody> bodies = new ArrayList<>();
        final List<DataSegment> data = new ArrayList<>();
    }
}
