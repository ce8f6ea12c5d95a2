package dev.wasmlayout.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a run step's {@code expect-result}, as written. The manifest does not know the export's
 * result types, so the value stays exact and the validator converts it to i32, i64, f32 or f64:
 * <ul>
 * <li>whole numbers, decimal or hex ({@code 42}, {@code -1}, {@code 0xffffffff}; a leading zero is not
 *     octal): a {@link BigInteger} from -2^63 to 2^64-1, so both the signed and the unsigned reading of
 *     a 64-bit value can be written;</li>
 * <li>decimals with a fraction or an exponent ({@code 1.5}, {@code 2.5e-3}): a {@link BigDecimal}, so an
 *     f32 expectation is rounded once, straight to float;</li>
 * <li>NaN and the infinities, as YAML writes them ({@code .nan}, {@code .inf}, {@code -.inf}) or as Java
 *     prints them ({@code NaN}, {@code Infinity}, {@code -Infinity}): a {@link Double}.</li>
 * </ul>
 */
final class ResultNumber {

    /** Also written into the JSON schema (definition resultNumber); a test keeps the two in agreement. */
    static final String PATTERN = "^[-+]?(0[xX][0-9a-fA-F]+|[0-9]+\\.?[0-9]*([eE][-+]?[0-9]+)?"
            + "|\\.[0-9]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF)|Infinity)$|^(\\.nan|\\.NaN|\\.NAN|NaN)$";

    static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    /** 2^64-1: the largest unsigned 64-bit value. */
    static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);
    private static final Pattern WHOLE = Pattern.compile("([-+]?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))");

    private ResultNumber() {
    }

    /** The value of {@code text}, or empty when it is not a number in one of the forms above. */
    static Optional<Number> parse(String text) {
        String trimmed = text.strip();
        if (!SYNTAX.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        Matcher whole = WHOLE.matcher(trimmed);
        if (whole.matches()) {
            BigInteger magnitude = whole.group(2) != null
                    ? new BigInteger(whole.group(2), 16) : new BigInteger(whole.group(3));
            return Optional.of(whole.group(1).equals("-") ? magnitude.negate() : magnitude);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT); // past the syntax check: a decimal ends in a digit or "."
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return Optional.of(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.endsWith("nan")) {
            return Optional.of(Double.NaN);
        }
        try {
            return Optional.of(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an exponent beyond what BigDecimal holds
        }
    }

    /** Whether a parsed value fits 64 bits (signed or unsigned); decimals are checked by the validator. */
    static boolean fits64Bits(Number value) {
        return !(value instanceof BigInteger whole) || whole.compareTo(MIN) >= 0 && whole.compareTo(MAX) <= 0;
    }
}
