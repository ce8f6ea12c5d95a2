package dev.wasmlayout.linker;

/** A link that cannot be done as asked; the message is one line naming the file and the place. */
public final class LinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LinkException(String message) {
        super(message);
    }
}
