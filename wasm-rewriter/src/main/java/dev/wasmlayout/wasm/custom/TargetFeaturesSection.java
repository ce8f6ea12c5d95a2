package dev.wasmlayout.wasm.custom;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The {@code target_features} section: features prefixed '+' (used), '-' (disallowed), '=' (required). */
public record TargetFeaturesSection(List<String> features) {
    public static final String NAME = "target_features";

    public static TargetFeaturesSection read(byte[] bytes, Section section) {
        ByteReader r = section.payload(bytes);
        int n = r.checkCount(r.u32(), 2, "feature");
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            int prefix = r.u8();
            if (prefix != '+' && prefix != '-' && prefix != '=') {
                throw r.malformedAt(at, String.format("feature prefix 0x%02x is not '+', '-' or '='", prefix));
            }
            out.add((char) prefix + r.name("feature name"));
        }
        r.expectEnd("target_features section");
        return new TargetFeaturesSection(Collections.unmodifiableList(out));
    }
}
