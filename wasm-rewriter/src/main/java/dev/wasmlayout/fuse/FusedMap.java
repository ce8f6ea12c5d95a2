package dev.wasmlayout.fuse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of the {@value Fuser#SECTION} custom section: which function indices (end exclusive)
 * belong to which module, and each module's stack pointer global, as UTF-8 JSON.
 */
public final class FusedMap {
    private FusedMap() {
    }

    /** One module's functions [first, end) and its stack pointer global (-1: none). */
    record Entry(String name, int first, int end, int stackPointer) {
    }

    /** One module as the section lists it: its function ranges as {first, end} pairs and its stack pointer (-1: none). */
    public record Owner(String name, List<int[]> functions, int stackPointer) {
        public boolean owns(int function) {
            for (int[] r : functions) {
                if (function >= r[0] && function < r[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Reads what {@link #json} writes. Only that shape is accepted (objects, arrays, strings and
     * non-negative integers; unknown keys are skipped), so a host can rely on it.
     *
     * @throws IllegalArgumentException naming the byte offset when the payload is not that shape
     */
    public static List<Owner> read(byte[] payload) {
        Json j = new Json(new String(payload, StandardCharsets.UTF_8));
        List<Owner> out = new ArrayList<>();
        j.expect('{');
        while (!j.next('}')) {
            String key = j.string();
            j.expect(':');
            if (!key.equals("modules")) {
                j.skipValue();
                continue;
            }
            j.expect('[');
            while (!j.next(']')) {
                out.add(owner(j));
            }
        }
        return out;
    }

    private static Owner owner(Json j) {
        String name = null;
        List<int[]> functions = new ArrayList<>();
        int stackPointer = -1;
        j.expect('{');
        while (!j.next('}')) {
            String key = j.string();
            j.expect(':');
            switch (key) {
                case "name":
                    name = j.string();
                    break;
                case "functions":
                    j.expect('[');
                    while (!j.next(']')) {
                        j.expect('[');
                        int first = j.integer();
                        j.expect(',');
                        int end = j.integer();
                        j.expect(']');
                        functions.add(new int[] {first, end});
                    }
                    break;
                case "globals":
                    j.expect('{');
                    while (!j.next('}')) {
                        String g = j.string();
                        j.expect(':');
                        int index = j.integer();
                        if (g.equals("__stack_pointer")) {
                            stackPointer = index;
                        }
                    }
                    break;
                default:
                    j.skipValue();
            }
        }
        if (name == null) {
            throw j.error("a module without \"name\"");
        }
        return new Owner(name, functions, stackPointer);
    }

    /** A cursor over the JSON text; commas between members and elements are taken by {@link #next}. */
    private static final class Json {
        private final String s;
        private int at;
        private boolean first = true;

        Json(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(Fuser.SECTION + " section: " + what + " at offset " + at + " of its JSON");
        }

        private void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        void expect(char c) {
            space();
            if (at >= s.length() || s.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
            first = c == '{' || c == '[';
        }

        /** True (and consumed) when {@code close} comes; otherwise takes the comma before a further item. */
        boolean next(char close) {
            space();
            if (at < s.length() && s.charAt(at) == close) {
                at++;
                first = false;
                return true;
            }
            if (!first) {
                expect(',');
            }
            first = false;
            return false;
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (at < s.length() && s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c == '\\' && at < s.length()) {
                    char e = s.charAt(at++);
                    if (e == 'u' && at + 4 <= s.length()) {
                        b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    } else {
                        b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            if (at >= s.length()) {
                throw error("unterminated string");
            }
            at++;
            first = false;
            return b.toString();
        }

        int integer() {
            space();
            int from = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) {
                at++;
            }
            if (from == at || at - from > 10) {
                throw error("expected a non-negative integer");
            }
            long v = Long.parseLong(s.substring(from, at));
            if (v > Integer.MAX_VALUE) {
                throw error("integer too large");
            }
            first = false;
            return (int) v;
        }

        /** Skips a value without recursing, so deep nesting cannot exhaust the stack. */
        void skipValue() {
            space();
            char c = at < s.length() ? s.charAt(at) : 0;
            if (c == '"') {
                string();
                return;
            }
            if (c != '{' && c != '[') {
                integer();
                return;
            }
            int depth = 0;
            do {
                char d = s.charAt(at);
                if (d == '"') {
                    string();
                    continue;
                }
                depth += d == '{' || d == '[' ? 1 : d == '}' || d == ']' ? -1 : 0;
                at++;
            } while (depth > 0 && at < s.length());
            if (depth > 0) {
                throw error("unterminated value");
            }
            first = false;
        }
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
