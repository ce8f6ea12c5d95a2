package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code producers} section: field (language, processed-by, sdk) to "name version" values. */
public record ProducersSection(Map<String, List<String>> fields) {
    public static final String NAME = "producers";

    public static ProducersSection read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int n = r.checkCount(r.u32(), 2, "producers field");
        for (int i = 0; i < n; i++) {
            String field = r.name("field name");
            int m = r.checkCount(r.u32(), 2, "producer");
            List<String> values = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                String name = r.name("producer name");
                String version = r.name("producer version");
                values.add(version.isEmpty() ? name : name + " " + version);
            }
            fields.put(field, Collections.unmodifiableList(values));
        }
        r.expectEnd("producers section");
        return new ProducersSection(Collections.unmodifiableMap(fields));
    }
}
