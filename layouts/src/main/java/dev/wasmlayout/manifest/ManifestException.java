package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.nio.file.Path;

/**
 * Every mistake in a manifest. The message is one line, compiler style:
 * {@code wasm-layout.yaml:12:5: unknown key 'stak' in module 'producer' (did you mean 'stack'?)}.
 * The file is printed as it was given to the reader; the location is absent only when the file
 * could not be read at all.
 */
public class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Location location;
    private final String detail;

    public ManifestException(Path file, Location location, String detail) {
        super(file + (location == null ? "" : ":" + location) + ": " + detail);
        this.file = file;
        this.location = location;
        this.detail = detail;
    }

    public Path file() {
        return file;
    }

    /** Null when the problem is the file as a whole (it cannot be read). */
    public Location location() {
        return location;
    }

    /** The message without the {@code file:line:column: } prefix. */
    public String detail() {
        return detail;
    }
}
