package dev.wasmlayout.wasm;

import dev.wasmlayout.wasm.sections.FunctionBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a module back, copying every section and function body nobody changed as raw bytes (the
 * OW2 ASM / {@code wasm-tools strip} way), so an untouched module comes out byte-identical, size
 * prefixes included.
 */
public final class ModuleEditor {
    private final WasmModule module;
    private final Map<Section, byte[]> replaced = new IdentityHashMap<>();
    private final Map<Section, Boolean> removed = new IdentityHashMap<>();
    private final Map<Integer, byte[]> bodies = new TreeMap<>();
    private final List<FunctionBody> originalBodies;
    private final List<byte[]> appendedCustoms = new ArrayList<>();
    private final Map<Integer, byte[]> addedStandard = new TreeMap<>();
    private final List<byte[]> appendedBodies = new ArrayList<>();

    public ModuleEditor(WasmModule module, List<FunctionBody> originalBodies) {
        this.module = module;
        this.originalBodies = originalBodies;
    }

    /** The module this editor writes back (its sections are the keys of {@link #replace} and {@link #remove}). */
    public WasmModule module() {
        return module;
    }

    /**
     * The code section payload as {@link #write()} will emit it with the edits made so far (the
     * original payload when no body changed), or null when the module has and gets no code. Tells
     * a caller where every function body will land, e.g. to keep code offsets in debug info true.
     */
    public byte[] codePayload() {
        Section code = module.section(SectionIds.CODE).orElse(null);
        if (code != null && replaced.containsKey(code)) {
            return replaced.get(code);
        }
        if (bodies.isEmpty() && appendedBodies.isEmpty()) {
            return code == null ? null : java.util.Arrays.copyOfRange(module.bytes(), code.payloadStart(), code.end());
        }
        return buildCodePayload(code);
    }

    /** Replaces a section's payload (for a custom section: the part after its name). */
    public ModuleEditor replace(Section s, byte[] payload) {
        replaced.put(s, payload);
        return this;
    }

    public ModuleEditor remove(Section s) {
        removed.put(s, Boolean.TRUE);
        return this;
    }

    /** The body an earlier step put in place of function {@code functionIndex}'s, or null when none did. */
    public byte[] replacedBody(int functionIndex) {
        return bodies.get(functionIndex);
    }

    /** Replaces one function body: {@code body} is locals plus code, without the size prefix. */
    public ModuleEditor replaceBody(int functionIndex, byte[] body) {
        bodies.put(functionIndex, body);
        return this;
    }

    /**
     * Sets a standard section's payload: replaces the section when the module has it, otherwise
     * inserts a new one where the binary format's order puts it.
     */
    public ModuleEditor setStandard(int id, byte[] payload) {
        for (Section s : module.sections()) {
            if (!s.isCustom() && s.id() == id) {
                return replace(s, payload);
            }
        }
        addedStandard.put(id, payload);
        return this;
    }

    /** Adds a function body (locals plus code, no size prefix) after the existing ones. */
    public ModuleEditor appendBody(byte[] body) {
        appendedBodies.add(body);
        return this;
    }

    /** Adds a custom section at the end of the module. */
    public ModuleEditor appendCustom(String name, byte[] payload) {
        appendedCustoms.add(customSection(name, payload));
        return this;
    }

    public byte[] write() {
        byte[] src = module.bytes();
        ByteWriter out = new ByteWriter(src.length + 64);
        out.bytes(src, 0, WasmModule.HEADER_SIZE);
        Map<Integer, byte[]> pending = new TreeMap<>(java.util.Comparator.comparingInt(SectionIds::orderRank));
        pending.putAll(addedStandard);
        if (!appendedBodies.isEmpty() && module.section(SectionIds.CODE).isEmpty()) {
            pending.put(SectionIds.CODE, buildCodePayload(null));
        }
        for (Section s : module.sections()) {
            if (!s.isCustom()) {
                flushBefore(out, pending, SectionIds.orderRank(s.id()));
            }
            if (removed.containsKey(s)) {
                continue;
            }
            byte[] payload = replaced.get(s);
            if (payload == null && s.id() == SectionIds.CODE && !s.isCustom() && (!bodies.isEmpty() || !appendedBodies.isEmpty())) {
                payload = buildCodePayload(s);
            }
            if (payload == null) {
                out.bytes(src, s.start(), s.end() - s.start());
            } else if (s.isCustom()) {
                out.bytes(customSection(s.customName(), payload));
            } else {
                out.u8(s.id()).u32(payload.length).bytes(payload);
            }
        }
        flushBefore(out, pending, Integer.MAX_VALUE);
        for (byte[] c : appendedCustoms) {
            out.bytes(c);
        }
        return out.toByteArray();
    }

    /** Writes the added sections that come before a section of the given rank. */
    private static void flushBefore(ByteWriter out, Map<Integer, byte[]> pending, int rank) {
        var it = pending.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (SectionIds.orderRank(e.getKey()) >= rank) {
                return;
            }
            out.u8(e.getKey()).u32(e.getValue().length).bytes(e.getValue());
            it.remove();
        }
    }

    private byte[] buildCodePayload(Section code) {
        byte[] src = module.bytes();
        ByteWriter w = new ByteWriter(code == null ? 64 : code.payloadLength() + 64);
        w.u32(originalBodies.size() + appendedBodies.size());
        for (FunctionBody b : originalBodies) {
            byte[] body = bodies.get(b.index());
            if (body == null) {
                w.bytes(src, b.start(), b.end() - b.start());
            } else {
                w.u32(body.length).bytes(body);
            }
        }
        for (byte[] body : appendedBodies) {
            w.u32(body.length).bytes(body);
        }
        return w.toByteArray();
    }

    private static byte[] customSection(String name, byte[] payload) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteWriter inner = new ByteWriter(payload.length + nameBytes.length + 5);
        inner.u32(nameBytes.length).bytes(nameBytes).bytes(payload);
        byte[] content = inner.toByteArray();
        return new ByteWriter(content.length + 6).u8(SectionIds.CUSTOM).u32(content.length).bytes(content).toByteArray();
    }
}
