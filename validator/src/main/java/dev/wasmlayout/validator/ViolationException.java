package dev.wasmlayout.validator;

/** Stops the running step at the first bad write (not a Chicory type, so no wasm handler catches it). */
final class ViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Violation violation;

    ViolationException(Violation v) {
        super(v.describe(), null, false, false);
        this.violation = v;
    }

    Violation violation() {
        return violation;
    }
}
