package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.code.ConstExpr;
import dev.wasmlayout.wasm.code.ValueType;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.Import;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The imported globals a PIC module expects from its loader, bound to constants. Bound imports become
 * the first defined globals, so only indices inside the import range change: kept imports are
 * numbered first, bound ones right after them, and defined globals keep their index.
 */
final class GlobalBinding {
    private final int imported;
    private final int[] newIndex;
    private final Map<Integer, Long> values = new HashMap<>();
    private final List<byte[]> entries = new ArrayList<>();
    private final ParsedModule m;

    private GlobalBinding(ParsedModule m) {
        this.m = m;
        this.imported = m.sections.importedGlobals;
        this.newIndex = new int[imported];
    }

    static GlobalBinding of(ParsedModule m, ModuleFacts f, Placement p, PatchLog log) {
        GlobalBinding b = new GlobalBinding(m);
        List<Integer> kept = new ArrayList<>();
        List<Integer> bound = new ArrayList<>();
        int j = 0;
        for (Import i : m.sections.imports) {
            if (i.kind() != ExternalKind.GLOBAL) {
                continue;
            }
            OptionalLong v = b.valueFor(i, p);
            if (v.isPresent()) {
                b.values.put(j, v.getAsLong());
                bound.add(j);
                ByteWriter w = new ByteWriter().u8(i.global().valueType()).u8(i.global().mutable() ? 1 : 0);
                w.bytes(Encoders.i32ConstExpr(v.getAsLong()));
                b.entries.add(w.toByteArray());
                log.add("import " + i.fullName() + " bound to " + RelocatePatcher.hex(v.getAsLong()));
            } else {
                kept.add(j);
            }
            j++;
        }
        for (int k = 0; k < kept.size(); k++) {
            b.newIndex[kept.get(k)] = k;
        }
        for (int k = 0; k < bound.size(); k++) {
            b.newIndex[bound.get(k)] = kept.size() + k;
        }
        return b;
    }

    private OptionalLong valueFor(Import i, Placement p) {
        if (i.global().valueType() != ValueType.I32) {
            return OptionalLong.empty();
        }
        if (i.module().equals("env")) {
            switch (i.name()) {
                case "__memory_base": return OptionalLong.of(p.dataStart());
                case "__table_base": return OptionalLong.of(p.tableBase());
                case "__stack_pointer": return OptionalLong.of(p.stackHigh());
                default: return OptionalLong.empty();
            }
        }
        if (i.module().equals("GOT.mem")) {
            Long shared = p.symbols().get(i.name());
            if (shared != null) {
                return OptionalLong.of(shared);
            }
            OptionalLong own = exportedOffset(i.name());
            if (own.isPresent()) {
                return OptionalLong.of(own.getAsLong() + p.dataStart());
            }
            throw new PatchException("GOT.mem." + i.name() + ": '" + i.name()
                    + "' is neither a shared or reserved region in the manifest nor a data symbol the module exports");
        }
        return OptionalLong.empty();
    }

    /** A PIC module exports its data symbols as globals holding their offset from __memory_base. */
    private OptionalLong exportedOffset(String name) {
        int index = m.sections.exportedIndex(ExternalKind.GLOBAL, name);
        return index >= imported ? m.sections.globals.get(index - imported).init().value() : OptionalLong.empty();
    }

    boolean isBound(int importIndex) {
        return values.containsKey(importIndex);
    }

    int newIndex(int old) {
        return old < imported ? newIndex[old] : old;
    }

    List<byte[]> definedEntries() {
        return entries;
    }

    /** Value of a constant expression, reading bound imports and constant defined globals. */
    OptionalLong evaluate(ConstExpr e) {
        return e.value(index -> {
            if (index < imported) {
                Long v = values.get(index);
                return v == null ? OptionalLong.empty() : OptionalLong.of(v);
            }
            int d = index - imported;
            return d < m.sections.globals.size() ? m.sections.globals.get(d).init().value() : OptionalLong.empty();
        });
    }
}
