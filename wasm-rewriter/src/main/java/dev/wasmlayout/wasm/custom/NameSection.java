package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The {@code name} section: module name and the function, global and data segment name maps. */
public record NameSection(String moduleName, Map<Integer, String> functions, Map<Integer, String> globals,
                          Map<Integer, String> dataSegments) {
    public static final String NAME = "name";

    public static NameSection read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        String module = null;
        Map<Integer, String> funcs = new TreeMap<>();
        Map<Integer, String> globals = new TreeMap<>();
        Map<Integer, String> data = new TreeMap<>();
        while (!r.atEnd()) {
            int id = r.u8();
            int len = r.u32AsInt("name subsection size");
            ByteReader sub = r.sub(len, section.displayName());
            switch (id) {
                case 0: module = sub.name("module name"); break;
                case 1: readMap(sub, funcs); break;
                case 7: readMap(sub, globals); break;
                case 9: readMap(sub, data); break;
                default: sub.skip(sub.remaining(), "name subsection"); break;
            }
            sub.expectEnd("name subsection " + id);
        }
        return new NameSection(module, Collections.unmodifiableMap(funcs), Collections.unmodifiableMap(globals),
                Collections.unmodifiableMap(data));
    }

    private static void readMap(ByteReader r, Map<Integer, String> out) {
        int n = r.checkCount(r.u32(), 2, "name");
        for (int i = 0; i < n; i++) {
            int index = r.u32AsInt("index");
            out.put(index, r.name("name"));
        }
    }
}
