package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Layout;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report files a link writes beside the modules. */
final class Reports {
    private Reports() {
    }

    static Map<String, byte[]> files(Layout layout) {
        return new LinkedHashMap<>(); // filled in when the report formats land
    }
}
