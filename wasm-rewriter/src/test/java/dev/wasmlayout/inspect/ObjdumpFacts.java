package dev.wasmlayout.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The facts `wasm-objdump -x` prints that inspection must agree with. */
record ObjdumpFacts(long memoryInitial, long memoryMax, boolean memoryImported, List<long[]> segments, java.util.Map<Integer, Long> globalInits) {
    private static final Pattern MEMORY = Pattern.compile("^ - memory\\[0\\] pages: initial=(\\d+)(?: max=(\\d+))?");
    private static final Pattern MEMORY_IMPORT = Pattern.compile("^ - memory\\[0\\] pages: initial=(\\d+)(?: max=(\\d+))? <- ");
    private static final Pattern SEGMENT = Pattern.compile("^ - segment\\[(\\d+)\\].* size=(\\d+) - init i32=(-?\\d+)");
    private static final Pattern GLOBAL = Pattern.compile("^ - global\\[(\\d+)\\] i32 mutable=\\d.* - init i32=(-?\\d+)");

    static ObjdumpFacts parse(String text) {
        long initial = -1;
        long max = -1;
        boolean imported = false;
        List<long[]> segments = new ArrayList<>();
        java.util.Map<Integer, Long> globals = new java.util.TreeMap<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (!line.startsWith(" ")) {
                section = line;
                continue;
            }
            Matcher m;
            if (section.startsWith("Import") && (m = MEMORY_IMPORT.matcher(line)).find()) {
                initial = Long.parseLong(m.group(1));
                max = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
                imported = true;
            } else if (section.startsWith("Memory") && (m = MEMORY.matcher(line)).find()) {
                initial = Long.parseLong(m.group(1));
                max = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
            } else if (section.startsWith("Data") && (m = SEGMENT.matcher(line)).find()) {
                segments.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)) & 0xffffffffL});
            } else if (section.startsWith("Global") && (m = GLOBAL.matcher(line)).find()) {
                globals.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)) & 0xffffffffL);
            }
        }
        return new ObjdumpFacts(initial, max, imported, segments, globals);
    }
}
