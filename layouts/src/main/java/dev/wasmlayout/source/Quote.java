package dev.wasmlayout.source;

/**
 * Quotes text from an input file for a message: {@code 'text'}, with line breaks, tabs and other
 * control characters escaped and very long text shortened, so every message stays one readable line.
 */
public final class Quote {

    private static final int MAX_LENGTH = 60;

    private Quote() {
    }

    public static String of(String text) {
        int shown = Math.min(text.length(), MAX_LENGTH);
        return "'" + escape(text.substring(0, shown)) + (shown < text.length() ? "..." : "") + "'";
    }

    /** The text with control characters escaped, unquoted and full length: for paths. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
