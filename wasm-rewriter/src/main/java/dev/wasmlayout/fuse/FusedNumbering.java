package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every module's types, functions, globals, tags, data and element segments land in the fused
 * index spaces, and which imports stay imports: an import between modules of the set resolves to its
 * provider's function or tag, each WASI args/environ/fd_close import to the module's own glue function.
 * Kept apart from {@link FusedWriter} so the numbering is decided (and refused) before any byte is written.
 */
final class FusedNumbering {
    final List<FusePart> parts;
    final Map<String, FusePart> byName = new LinkedHashMap<>();
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

    FusedNumbering(List<FusePart> parts) {
        this.parts = parts;
        for (FusePart p : parts) {
            byName.put(p.name(), p);
        }

        // types: deduplicated, in order of first use
        for (FusePart p : parts) {
            p.types = new int[p.s.types.size()];
            for (int t = 0; t < p.types.length; t++) {
                p.types[t] = types.computeIfAbsent(p.s.types.get(t), k -> types.size());
            }
        }
        FuncType voidType = new FuncType(new int[0], new int[0]);
        voidIndex = types.computeIfAbsent(voidType, k -> types.size());

        // function imports that stay imports: each once (a WASI function with two types is refused)
        for (FusePart p : parts) {
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
        for (FusePart p : parts) {
            p.firstFunction = next;
            for (String g : GLUED) {
                if (p.s.imports.stream().anyMatch(i -> i.kind() == ExternalKind.FUNC && i.module().equals(Fuser.WASI)
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
        for (FusePart p : parts) {
            p.functions = new int[p.s.functionCount()];
            for (int d = 0; d < p.s.functionTypes.length; d++) {
                p.functions[p.s.importedFunctions + d] = p.firstFunction + d;
            }
        }
        for (FusePart p : parts) {
            int j = 0;
            for (Import i : p.s.imports) {
                if (i.kind() != ExternalKind.FUNC) {
                    continue;
                }
                FuncType want = p.s.types.get(i.typeIndex());
                if (isGlued(i)) {
                    FuseChecks.checkType(p, i, want, glueType(i.name()));
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

        for (FusePart p : parts) {
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
    private void tags(List<FusePart> parts) {
        for (FusePart p : parts) {
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
        for (FusePart p : parts) {
            p.tags = new int[p.s.tagCount()];
            for (int d = 0; d < p.s.tags.size(); d++) {
                p.tags[p.s.importedTags + d] = tags++;
            }
        }
        for (FusePart p : parts) {
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
    private int tagProvider(FusePart p, Import i, FuncType want, FusePart provider, int depth) {
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

    /** WASI functions each module gets its own version of: its argv and environment, and closing stdio. */
    static final List<String> GLUED = List.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get", StdioClose.NAME);

    static FuncType glueType(String name) {
        return name.equals(StdioClose.NAME) ? new FuncType(new int[] {ValueType.I32}, new int[] {ValueType.I32})
                : new FuncType(new int[] {ValueType.I32, ValueType.I32}, new int[] {ValueType.I32});
    }

    private static boolean isGlued(Import i) {
        return i.kind() == ExternalKind.FUNC && i.module().equals(Fuser.WASI) && GLUED.contains(i.name());
    }

    /** The glued WASI functions that are not imported at all (fd_close still is, for the fds that are not stdio). */
    private static boolean isArgs(Import i) {
        return i.kind() == ExternalKind.FUNC && i.module().equals(Fuser.WASI) && WasiArgs.NAMES.contains(i.name());
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
    private static int provider(FusePart p, Import i, FuncType want, FusePart provider, Map<String, FusePart> byName, int depth) {
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
}
