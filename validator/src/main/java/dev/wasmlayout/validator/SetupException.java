package dev.wasmlayout.validator;

/** The set cannot be run as given (missing provider, import cycle, import the validator cannot satisfy). */
public final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }
}
