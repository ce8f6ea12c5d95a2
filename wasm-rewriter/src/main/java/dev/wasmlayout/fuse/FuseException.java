package dev.wasmlayout.fuse;

/** A set that cannot be fused: names the module (null when the set as a whole is at fault) and the reason. */
public final class FuseException extends RuntimeException {
    private final String module;

    public FuseException(String module, String reason) {
        super(reason);
        this.module = module;
    }

    /** The module at fault, or null. */
    public String module() {
        return module;
    }
}
