package dev.wasmlayout.layout;

import dev.wasmlayout.source.Location;
import java.nio.file.Path;

/**
 * A layout.json or wasm-layout.lock that cannot be read back. One-line message like
 * {@code wasm-layout.lock:7:5: missing key 'start' in region #3}.
 */
public class LayoutFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Location location;
    private final String detail;

    public LayoutFileException(Path file, Location location, String detail) {
        super(file + (location == null ? "" : ":" + location) + ": " + detail);
        this.file = file;
        this.location = location;
        this.detail = detail;
    }

    public Path file() {
        return file;
    }

    /** Null when the file as a whole is the problem (it cannot be read). */
    public Location location() {
        return location;
    }

    public String detail() {
        return detail;
    }
}
