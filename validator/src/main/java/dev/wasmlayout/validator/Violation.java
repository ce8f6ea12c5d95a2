package dev.wasmlayout.validator;

/**
 * A write outside the writer's regions. {@code address} is the first byte written where the writer
 * may not write and {@code size} counts from there to the end of that write. {@code function} comes
 * from the name section ("unknown function" when the engine cannot tell); {@code via} names the WASI
 * host function that wrote on the module's behalf, or is null when the module's own code wrote.
 */
public record Violation(String module, String function, long address, int size, String region, String regionOwner,
                        String kind, String via) {
    public static final String STACK_OVERFLOW = "stack overflow";
    public static final String NULL_POINTER = "null-pointer write";
    public static final String OUTSIDE = "write outside its regions";
    public static final String UNPLANNED = "(no region)";

    /** One line for people. */
    public String describe() {
        return module + " (" + function + (via != null ? " via WASI " + via : "") + "): " + kind + ": " + size
                + " byte(s) at 0x" + Long.toHexString(address) + " in " + region
                + (regionOwner != null ? " (owner " + regionOwner + ")" : "");
    }
}
