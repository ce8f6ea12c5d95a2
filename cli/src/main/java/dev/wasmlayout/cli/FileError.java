package dev.wasmlayout.cli;

/** A problem in a named input file: "FILE: message". */
final class FileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FileError(String file, String message) {
        super(file + ": " + message);
    }
}
