package dev.wasmlayout.fuse;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The payload of the {@value Fuser#SECTION} custom section: which function indices (end exclusive)
 * belong to which module, and each module's stack pointer global, as UTF-8 JSON.
 */
final class FusedMap {
    private FusedMap() {
    }

    /** One module's functions [first, end) and its stack pointer global (-1: none). */
    record Entry(String name, int first, int end, int stackPointer) {
    }

    static byte[] json(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("{\"modules\":[");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(escape(e.name())).append("\",\"functions\":[");
            if (e.end() > e.first()) {
                sb.append('[').append(e.first()).append(',').append(e.end()).append(']');
            }
            sb.append("],\"globals\":{");
            if (e.stackPointer() >= 0) {
                sb.append("\"__stack_pointer\":").append(e.stackPointer());
            }
            sb.append("}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
