package dev.wasmlayout.patch;

/** A module that cannot be patched as asked, with the reason a user can act on. */
public final class PatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PatchException(String message) {
        super(message);
    }
}
