package dev.wasmlayout.source;

import java.nio.file.Path;

/**
 * A mistake in a text file we read (manifest, layout.json, lock). The message is one line, compiler
 * style: {@code file:line:column: detail}; the location is absent only when the file could not be
 * read at all.
 */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Location location;
    private final String detail;

    public SourceException(Path file, Location location, String detail) {
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
