package dev.wasmlayout.source;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid name a typo most likely meant, for "(did you mean 'stack'?)" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code input} by edit distance, if it is close enough to be a typo:
     * at most one edit for names of up to four letters, two for longer ones, or any candidate that
     * starts with what was typed (at least three letters). Ties go to the earlier candidate.
     */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(input.length(), best.length()) <= 4 ? 1 : 2;
        if (bestDistance <= allowed) {
            return Optional.of(best);
        }
        if (input.length() >= 3) {
            for (String candidate : candidates) {
                if (candidate.toLowerCase().startsWith(input.toLowerCase())) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or the empty string, ready to append to a message. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return nearest(input, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Levenshtein distance with two rows: names are short, so this is cheap. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
