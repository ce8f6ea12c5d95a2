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

    public ModuleEditor(WasmModule module, List<FunctionBody> originalBodies) {
        this.module = module;
        this.originalBodies = originalBodies;
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

    /** Replaces one function body: {@code body} is locals plus code, without the size prefix. */
    public ModuleEditor replaceBody(int functionIndex, byte[] body) {
        bodies.put(functionIndex, body);
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
        for (Section s : module.sections()) {
            if (removed.containsKey(s)) {
                continue;
            }
            byte[] payload = replaced.get(s);
            if (payload == null && s.id() == SectionIds.CODE && !s.isCustom() && !bodies.isEmpty()) {
                payload = codePayload(s);
            }
            if (payload == null) {
                out.bytes(src, s.start(), s.end() - s.start());
            } else if (s.isCustom()) {
                out.bytes(customSection(s.customName(), payload));
            } else {
                out.u8(s.id()).u32(payload.length).bytes(payload);
            }
        }
        for (byte[] c : appendedCustoms) {
            out.bytes(c);
        }
        return out.toByteArray();
    }

    private byte[] codePayload(Section code) {
        byte[] src = module.bytes();
        ByteWriter w = new ByteWriter(code.payloadLength() + 64);
        w.u32(originalBodies.size());
        for (FunctionBody b : originalBodies) {
            byte[] body = bodies.get(b.index());
            if (body == null) {
                w.bytes(src, b.start(), b.end() - b.start());
            } else {
                w.u32(body.length).bytes(body);
            }
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
