package dev.wasmlayout.patch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The custom section that records what wasm-layout did, so a second patch is detected and refused. */
public final class PatchRecord {
    public static final String SECTION = "wasm-layout.patched";

    private PatchRecord() {
    }

    static byte[] payload(String strategy, Placement p, List<String> actions) {
        StringBuilder sb = new StringBuilder();
        sb.append("strategy: ").append(strategy).append('\n');
        sb.append("memory: ").append(p.memoryModule()).append('.').append(p.memoryName()).append('\n');
        sb.append("data: ").append(range(p.dataStart(), p.dataEnd())).append('\n');
        sb.append("stack: ").append(range(p.stackLow(), p.stackHigh())).append('\n');
        sb.append("heap: ").append(range(p.heapStart(), p.heapEnd())).append('\n');
        for (String a : actions) {
            sb.append("- ").append(a).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String range(long a, long b) {
        return "0x" + Long.toHexString(a) + "..0x" + Long.toHexString(b);
    }
}
