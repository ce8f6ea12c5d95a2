package dev.wasmlayout.validator;

/**
 * {@code collectAll}: record every violation and let the write happen, instead of stopping the step
 * at the first one. {@code stepTimeoutMillis} bounds every step (instantiation included).
 */
public record ValidatorOptions(Engine engine, boolean collectAll, long stepTimeoutMillis) {
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

    public ValidatorOptions {
        if (stepTimeoutMillis <= 0) {
            throw new IllegalArgumentException("step timeout must be positive");
        }
    }

    public static ValidatorOptions defaults() {
        return new ValidatorOptions(Engine.COMPILER, false, DEFAULT_TIMEOUT_MILLIS);
    }

    public ValidatorOptions withEngine(Engine e) {
        return new ValidatorOptions(e, collectAll, stepTimeoutMillis);
    }

    public ValidatorOptions withCollectAll(boolean c) {
        return new ValidatorOptions(engine, c, stepTimeoutMillis);
    }

    public ValidatorOptions withStepTimeoutMillis(long t) {
        return new ValidatorOptions(engine, collectAll, t);
    }
}
