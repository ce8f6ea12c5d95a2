package dev.wasmlayout.wasm.corpus;

import dev.wasmlayout.wasm.ByteReader;
import java.util.ArrayList;
import java.util.List;

/** Test-only walk over a module's sections and function bodies (the real parser lives elsewhere). */
public final class ModuleWalker {
    /** A section: id, name for custom sections (else null), payload window. */
    public record Section(int id, String name, int start, int end) {
    }

    /** A function body: where its expression starts (after the locals) and where the body ends. */
    public record Body(int exprStart, int end) {
        public ByteReader reader(byte[] module) {
            return new ByteReader(module, exprStart, end, "code");
        }
    }

    private ModuleWalker() {
    }

    public static List<Section> sections(byte[] module) {
        ByteReader in = new ByteReader(module);
        if (in.u32le() != 0x6d736100 || in.u32le() != 1) {
            throw new IllegalArgumentException("not a wasm 1 module");
        }
        List<Section> out = new ArrayList<>();
        while (!in.atEnd()) {
            int id = in.u8();
            int size = in.u32AsInt("section size");
            ByteReader payload = in.sub(size, "section " + id);
            String name = id == 0 ? payload.name("custom section name") : null;
            out.add(new Section(id, name, payload.pos(), payload.limit()));
        }
        return out;
    }

    public static List<Body> functionBodies(byte[] module) {
        List<Body> out = new ArrayList<>();
        for (Section s : sections(module)) {
            if (s.id() != 10) {
                continue;
            }
            ByteReader in = new ByteReader(module, s.start(), s.end(), "code");
            int count = in.u32AsInt("function count");
            for (int i = 0; i < count; i++) {
                int size = in.u32AsInt("body size");
                ByteReader body = in.sub(size, "code");
                int groups = body.u32AsInt("local groups");
                for (int g = 0; g < groups; g++) {
                    body.u32();
                    body.u8();
                }
                out.add(new Body(body.pos(), body.limit()));
            }
            in.expectEnd("code section");
        }
        return out;
    }
}
