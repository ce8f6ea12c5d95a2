package dev.wasmlayout.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a manifest and empty module files into a folder, the way a project would hold them. */
final class ManifestFixture {

    private ManifestFixture() {
    }

    static Path write(Path folder, String yaml, String... moduleFiles) {
        try {
            for (String moduleFile : moduleFiles) {
                Path path = folder.resolve(moduleFile);
                Files.createDirectories(path.getParent());
                Files.write(path, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
            }
            Path manifest = folder.resolve("wasm-layout.yaml");
            Files.writeString(manifest, yaml);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
