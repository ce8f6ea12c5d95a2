package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code dylink.0} section of a position-independent module (tool-conventions DynamicLinking.md). */
public record Dylink0Section(long memorySize, int memoryAlignLog2, long tableSize, int tableAlignLog2,
                             List<String> needed, List<String> exportInfo, List<String> importInfo) {
    public static final String NAME = "dylink.0";
    private static final int MEM_INFO = 1;
    private static final int NEEDED = 2;
    private static final int EXPORT_INFO = 3;
    private static final int IMPORT_INFO = 4;

    public static Dylink0Section read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        long memSize = 0;
        int memAlign = 0;
        long tableSize = 0;
        int tableAlign = 0;
        List<String> needed = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        while (!r.atEnd()) {
            int type = r.u8();
            int len = r.u32AsInt("subsection size");
            ByteReader sub = r.sub(len, section.displayName());
            switch (type) {
                case MEM_INFO:
                    memSize = sub.u32();
                    memAlign = sub.u32AsInt("memory alignment");
                    tableSize = sub.u32();
                    tableAlign = sub.u32AsInt("table alignment");
                    break;
                case NEEDED: {
                    int n = sub.checkCount(sub.u32(), 1, "needed library");
                    for (int i = 0; i < n; i++) {
                        needed.add(sub.name("library name"));
                    }
                    break;
                }
                case EXPORT_INFO: {
                    int n = sub.checkCount(sub.u32(), 2, "export info");
                    for (int i = 0; i < n; i++) {
                        String name = sub.name("export name");
                        sub.u32();
                        exports.add(name);
                    }
                    break;
                }
                case IMPORT_INFO: {
                    int n = sub.checkCount(sub.u32(), 3, "import info");
                    for (int i = 0; i < n; i++) {
                        String module = sub.name("import module");
                        String field = sub.name("import field");
                        sub.u32();
                        imports.add(module + "." + field);
                    }
                    break;
                }
                default:
                    sub.skip(sub.remaining(), "unknown subsection");
            }
            sub.expectEnd("dylink.0 subsection " + type);
        }
        return new Dylink0Section(memSize, memAlign, tableSize, tableAlign, Collections.unmodifiableList(needed),
                Collections.unmodifiableList(exports), Collections.unmodifiableList(imports));
    }
}
