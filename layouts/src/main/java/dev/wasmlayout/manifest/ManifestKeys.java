package dev.wasmlayout.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys each manifest object may have, in the order messages list them. The reader rejects any
 * other key, and a test checks that wasm-layout.schema.json allows exactly these.
 */
public final class ManifestKeys {

    public static final List<String> TOP = List.of("memory", "reserve", "shared", "modules", "run");
    public static final List<String> MEMORY = List.of("import", "max", "null-guard", "stack-check");
    public static final List<String> RESERVE = List.of("name", "at", "size", "align", "writers");
    public static final List<String> SHARED = List.of("name", "at", "size", "align", "writers", "readers");
    public static final List<String> MODULE = List.of("name", "wasm", "stack", "heap", "imports", "optional",
            "stack-check", "strategy", "argv", "env", "stdin");
    public static final List<String> RUN_STEP = List.of("write", "text", "load", "call", "args", "expect-stdout", "expect-exit",
            "expect-result", "dump");
    public static final List<String> REGION_FILE = List.of("file", "region");

    private ManifestKeys() {
    }

    /** The key lists by the name of the schema definition that describes the same object. */
    public static Map<String, List<String>> bySchemaDefinition() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("manifest", TOP);
        keys.put("memory", MEMORY);
        keys.put("reserve", RESERVE);
        keys.put("shared", SHARED);
        keys.put("module", MODULE);
        keys.put("runStep", RUN_STEP);
        keys.put("regionFile", REGION_FILE);
        return keys;
    }
}
