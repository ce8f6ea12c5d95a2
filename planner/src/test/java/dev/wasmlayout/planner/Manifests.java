package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manifests for planner tests, read from YAML so error messages carry real locations. */
final class Manifests {

    private Manifests() {
    }

    /** Reads {@code yaml} as {@code dir/wasm-layout.yaml}, with empty module files a.wasm, b.wasm, c.wasm. */
    static Manifest read(Path dir, String yaml) {
        try {
            for (String name : new String[] {"a", "b", "c"}) {
                Files.write(dir.resolve(name + ".wasm"), new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ManifestReader.parse(yaml, dir.resolve("wasm-layout.yaml"));
    }

    /** Needs for a relocatable module with the given static data. */
    static ModuleNeeds needs(String module, long dataSize, long dataAlign) {
        return new ModuleNeeds(module, dataSize, dataAlign, 65536, 2 * 65536, Strategy.RELOCATE);
    }
}
