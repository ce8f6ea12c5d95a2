package dev.wasmlayout.fuse;

import dev.wasmlayout.patch.Encoders;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.reencode.Reencode;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FunctionBody;
import dev.wasmlayout.wasm.sections.Import;
import dev.wasmlayout.wasm.sections.Limits;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.List;

/**
 * A fused module as the validator runs it, so that every store tells which module made it: module
 * k's code (its functions as the {@value Fuser#SECTION} section lists them) and its active data
 * segments use memory k + 1; memory 0 stays for what the host does (WASI), and for the glue that
 * belongs to no module. Every memory is imported ({@value #IMPORT_MODULE}.memoryN, with the fused
 * memory's limits), so the host can back them all with one memory seen through one view per module.
 * Only memory indices change, through the Fuser's own {@link Reencode}; function, global, table and
 * data indices stay as they are, so traps and names read as in the fused file.
 */
public final class PerModuleMemories {
    public static final String IMPORT_MODULE = "wasm-layout";

    private PerModuleMemories() {
    }

    /** The rewritten bytes, the modules of the section in order (module k uses memory k + 1) and the memory's limits. */
    public record Variant(byte[] bytes, List<FusedMap.Owner> owners, long initialPages, long maxPages) {
        /** The module whose functions hold fused function {@code index}, or -1 (an import, or glue of no module). */
        public int ownerOf(int index) {
            return owner(owners, index);
        }
    }

    private static int owner(List<FusedMap.Owner> owners, int index) {
        for (int k = 0; k < owners.size(); k++) {
            if (owners.get(k).owns(index)) {
                return k;
            }
        }
        return -1;
    }

    /** The import name of memory {@code index}. */
    public static String memoryName(int index) {
        return "memory" + index;
    }

    /** The modules the {@value Fuser#SECTION} section of {@code fused} lists, in order. */
    public static List<FusedMap.Owner> owners(byte[] fused) {
        try {
            return read(WasmModule.read(fused), fused);
        } catch (WasmException | IllegalArgumentException e) {
            throw new FuseException(null, e.getMessage());
        }
    }

    private static List<FusedMap.Owner> read(WasmModule wm, byte[] fused) {
        Section map = wm.custom(Fuser.SECTION).orElseThrow(() -> new FuseException(null, "it has no "
                + Fuser.SECTION + " section (was it written by `link --fuse`?)"));
        return FusedMap.read(java.util.Arrays.copyOfRange(fused, map.payloadStart(), map.end()));
    }

    /**
     * {@code dataCounts} are how many data segments each module of the section brought, in its order
     * (the fused data section is theirs concatenated; the section does not list them).
     *
     * @throws FuseException (module null) when {@code fused} is not a fused module or the counts do not fit it
     */
    public static Variant of(byte[] fused, List<Integer> dataCounts) {
        WasmModule wm;
        ModuleSections s;
        List<FusedMap.Owner> owners;
        try {
            wm = WasmModule.read(fused);
            s = ModuleSections.decode(wm);
            owners = read(wm, fused);
        } catch (WasmException | IllegalArgumentException e) {
            throw new FuseException(null, e.getMessage());
        }
        if (s.importedMemories + s.memories.size() != 1) {
            throw new FuseException(null, "it has " + (s.importedMemories + s.memories.size()) + " memories, not one");
        }
        if (dataCounts.size() != owners.size() || dataCounts.stream().mapToInt(Integer::intValue).sum() != s.data.size()) {
            throw new FuseException(null, "its " + s.data.size() + " data segments are not those of its modules "
                    + owners.stream().map(FusedMap.Owner::name).toList() + " (" + dataCounts + "); link again");
        }
        Limits limits = s.memories.isEmpty() ? s.imports.stream().filter(i -> i.kind() == ExternalKind.MEMORY)
                .findFirst().orElseThrow().memory() : s.memories.get(0);
        long max = limits.hasMax() ? limits.max() : 65536;
        Reencode[] perModule = new Reencode[owners.size()];
        for (int k = 0; k < perModule.length; k++) {
            int memory = k + 1;
            perModule[k] = new Reencode().memories(m -> memory);
        }

        ByteWriter out = new ByteWriter(fused.length + 256);
        out.bytes(WasmModule.MAGIC).u32le(WasmModule.VERSION);
        boolean importsWritten = false;
        for (Section sec : wm.sections()) {
            if (!importsWritten && !sec.isCustom() && sec.id() != SectionIds.TYPE) {
                writeImports(out, s, owners.size(), limits.min(), max);
                importsWritten = true;
            }
            switch (sec.isCustom() ? -1 : sec.id()) {
                case SectionIds.IMPORT:
                case SectionIds.MEMORY:
                    break; // written above: every memory is imported
                case SectionIds.CODE: {
                    ByteWriter w = new ByteWriter(sec.end() - sec.payloadStart()).u32(s.bodies.size());
                    for (FunctionBody b : s.bodies) {
                        int k = owner(owners, b.index());
                        byte[] nb = k < 0 ? null : perModule[k].body(fused, b);
                        if (nb == null) {
                            w.bytes(fused, b.start(), b.end() - b.start());
                        } else {
                            w.u32(nb.length).bytes(nb);
                        }
                    }
                    section(out, SectionIds.CODE, w);
                    break;
                }
                case SectionIds.DATA: {
                    ByteWriter w = new ByteWriter(sec.end() - sec.payloadStart() + 64).u32(s.data.size());
                    int k = 0;
                    int endOfModule = dataCounts.isEmpty() ? 0 : dataCounts.get(0);
                    for (DataSegment d : s.data) {
                        while (d.index() >= endOfModule) {
                            endOfModule += dataCounts.get(++k);
                        }
                        perModule[k].data(fused, d, w);
                    }
                    section(out, SectionIds.DATA, w);
                    break;
                }
                default:
                    out.bytes(fused, sec.start(), sec.end() - sec.start());
            }
        }
        if (!importsWritten) {
            writeImports(out, s, owners.size(), limits.min(), max);
        }
        return new Variant(out.toByteArray(), List.copyOf(owners), limits.min(), max);
    }

    /** The function and tag imports as they were, then memory 0 (the host's) and one memory per module. */
    private static void writeImports(ByteWriter out, ModuleSections s, int modules, long min, long max) {
        ByteWriter w = new ByteWriter();
        int count = 0;
        for (Import i : s.imports) {
            if (i.kind() != ExternalKind.MEMORY) {
                w.bytes(Encoders.importEntry(i.module(), i));
                count++;
            }
        }
        for (int m = 0; m <= modules; m++) {
            w.bytes(Encoders.memoryImport(IMPORT_MODULE, memoryName(m), min, max));
            count++;
        }
        ByteWriter payload = new ByteWriter().u32(count).bytes(w.toByteArray());
        section(out, SectionIds.IMPORT, payload);
    }

    private static void section(ByteWriter out, int id, ByteWriter payload) {
        byte[] b = payload.toByteArray();
        out.u8(id).u32(b.length).bytes(b);
    }
}
