package dev.wasmlayout.layout.report;

import dev.wasmlayout.source.Quote;

/** Escapes user text for HTML and for the SVG inside it, which must stay well-formed XML. */
final class Xml {

    private Xml() {
    }

    /**
     * Text and attribute values: markup characters become entities, control characters visible escapes
     * as in the other reports ({@code \n}), and lone surrogates, which XML 1.0 forbids, U+FFFD.
     */
    static String escape(String raw) {
        String text = Quote.escape(raw);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
