package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of the validator's run, in this order: write text and/or load a file into a region, call
 * an export, check its output, exit code and returned values, dump a region. Kept loose on purpose
 * (arguments stay text as written) because only the validator knows the export's signature.
 *
 * @param call "module.export", or empty for a step that only writes, loads or dumps
 * @param args the arguments as written: whole numbers (see {@link #number}), or region names that stand
 *             for the region's start address (the reader has checked both)
 * @param expectResult the values the call must return, one per result of the export, kept exact because
 *             only the validator knows whether each is an i32, i64, f32 or f64: a BigInteger for a whole
 *             number, a BigDecimal for a decimal, a Double for NaN and the infinities (never an empty list)
 */
public record RunStep(Optional<TextWrite> write, Optional<RegionFile> load, Optional<String> call,
                      List<String> args, Optional<String> expectStdout, OptionalLong expectExit,
                      Optional<List<Number>> expectResult, Optional<RegionFile> dump, Location location) {

    public RunStep {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(call, "call");
        args = List.copyOf(args);
        Objects.requireNonNull(expectStdout, "expectStdout");
        Objects.requireNonNull(expectExit, "expectExit");
        expectResult = Objects.requireNonNull(expectResult, "expectResult").map(List::copyOf);
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(dump, "dump");
    }

    /**
     * The value of a numeric argument: a whole number, decimal or 0x hex (a leading zero is not octal),
     * up to 64 bits (2^64-1 and -1 are the same bits); empty for anything else, such as a region name.
     */
    public static OptionalLong number(String arg) {
        return ResultNumber.parse(arg)
                .filter(n -> n instanceof BigInteger && ResultNumber.fits64Bits(n))
                .map(n -> OptionalLong.of(n.longValue()))
                .orElse(OptionalLong.empty());
    }

    /** The module part of {@code call}. */
    public Optional<String> callModule() {
        return call.map(c -> c.substring(0, c.indexOf('.')));
    }

    /** The export part of {@code call}. */
    public Optional<String> callExport() {
        return call.map(c -> c.substring(c.indexOf('.') + 1));
    }
}
