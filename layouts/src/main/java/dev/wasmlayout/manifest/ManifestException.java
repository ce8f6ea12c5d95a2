package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import dev.wasmlayout.source.SourceException;
import java.nio.file.Path;

/**
 * Every mistake in a manifest, e.g.
 * {@code wasm-layout.yaml:12:5: unknown key 'stak' in module 'producer' (did you mean 'stack'?)};
 * the file is printed as it was given to the reader.
 */
public class ManifestException extends SourceException {
    private static final long serialVersionUID = 1L;

    public ManifestException(Path file, Location location, String detail) {
        super(file, location, detail);
    }
}
