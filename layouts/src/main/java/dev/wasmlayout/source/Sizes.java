package dev.wasmlayout.source;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes and addresses as users write them: bare decimal bytes ({@code 1024}; a leading zero does not
 * make it octal), hex ({@code 0x400}, no unit), or decimal with a binary unit, case-insensitive:
 * {@code B}, {@code K}/{@code KiB}, {@code M}/{@code MiB}, {@code G}/{@code GiB}, optionally after a
 * space. {@code K}, {@code M} and {@code G} are 1024-based like GNU ld scripts; {@code KB}/{@code MB}
 * are refused because readers disagree whether they mean 1000 or 1024. Fractions are refused too.
 */
public final class Sizes {

    public static final long KIB = 1024;
    public static final long MIB = KIB * 1024;
    public static final long GIB = MIB * 1024;
    /** A 32-bit linear memory holds at most 4 GiB: no size or address in a plan can exceed it. */
    public static final long MAX = 4 * GIB;

    /** Also written into the JSON schema; a test keeps the two in agreement. */
    public static final String PATTERN =
            "^-?(0[xX][0-9a-fA-F]+|[0-9]+ ?([bB]|[kKmMgG]|[kKmMgG][iI][bB])?)$";

    private static final Pattern DECIMAL = Pattern.compile("(-?)([0-9]+) ?([a-zA-Z]*)");
    private static final Pattern HEX = Pattern.compile("(-?)0[xX]([0-9a-fA-F]+)");
    private static final Pattern AMBIGUOUS_UNIT = Pattern.compile("(?i)[0-9]+ ?[kmg]b");

    private Sizes() {
    }

    /**
     * The value of {@code text}, or empty when it is not a size. Negative values parse (so callers can
     * say "must not be negative"); values too large for a long come back as Long.MAX_VALUE / MIN_VALUE
     * (so callers can say "at most 4GiB").
     */
    public static OptionalLong parse(String text) {
        String trimmed = text.strip();
        Matcher hex = HEX.matcher(trimmed);
        if (hex.matches()) {
            return OptionalLong.of(sign(hex.group(1), parseDigits(hex.group(2), 16, 1)));
        }
        Matcher decimal = DECIMAL.matcher(trimmed);
        if (!decimal.matches()) {
            return OptionalLong.empty();
        }
        long unit = switch (decimal.group(3).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "k", "kib" -> KIB;
            case "m", "mib" -> MIB;
            case "g", "gib" -> GIB;
            default -> 0;
        };
        if (unit == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sign(decimal.group(1), parseDigits(decimal.group(2), 10, unit)));
    }

    /** A hint for a text that failed to parse, or the empty string. */
    public static String hint(String text) {
        return AMBIGUOUS_UNIT.matcher(text.strip()).matches()
                ? " (write KiB, MiB or GiB: sizes count in 1024s)" : "";
    }

    private static long parseDigits(String digits, int radix, long unit) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * radix + Character.digit(digits.charAt(i), radix);
            if (value > MAX * 16) {
                return Long.MAX_VALUE; // far past anything valid; stop before overflowing
            }
        }
        return value > Long.MAX_VALUE / unit ? Long.MAX_VALUE : value * unit;
    }

    private static long sign(String minus, long value) {
        if (minus.isEmpty()) {
            return value;
        }
        return value == Long.MAX_VALUE ? Long.MIN_VALUE : -value;
    }

    /** For people: {@code 64KiB}, {@code 4MiB}, {@code 1000 bytes}. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + "GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }

    /** Addresses in messages and the lock file: {@code 0x10400}. */
    public static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    public static boolean isPowerOfTwo(long value) {
        return value > 0 && (value & (value - 1)) == 0;
    }

    /** The smallest multiple of {@code align} (a power of two) at or above {@code value}. */
    public static long alignUp(long value, long align) {
        return (value + align - 1) & -align;
    }

    /** The largest multiple of {@code align} (a power of two) at or below {@code value}. */
    public static long alignDown(long value, long align) {
        return value & -align;
    }
}
