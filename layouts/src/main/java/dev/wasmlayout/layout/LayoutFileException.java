package dev.wasmlayout.layout;

import dev.wasmlayout.source.Location;
import dev.wasmlayout.source.SourceException;
import java.nio.file.Path;

/**
 * A layout.json or wasm-layout.lock that cannot be read back, e.g.
 * {@code wasm-layout.lock:7:5: missing key 'start' in region #3}.
 */
public class LayoutFileException extends SourceException {
    private static final long serialVersionUID = 1L;

    public LayoutFileException(Path file, Location location, String detail) {
        super(file, location, detail);
    }
}
