package dev.wasmlayout.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Boils a parser's syntax error down to one line and a location. SnakeYAML's messages span several
 * lines (context, a source excerpt, a caret); we keep the problem and where the surrounding construct
 * started, since the location prefix already points at the problem.
 */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    static Location location(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return of(yaml.getProblemMark());
        }
        return TreeReader.of(e.getLocation());
    }

    static String detail(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String detail = "invalid YAML: " + oneLine(yaml.getProblem());
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                detail += " (" + oneLine(yaml.getContext()) + " started at " + of(yaml.getContextMark()) + ")";
            }
            return detail;
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return "invalid syntax: " + oneLine(message.lines().findFirst().orElse(message));
    }

    private static Location of(Mark mark) {
        return new Location(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Makes tabs and line breaks in a parser message visible instead of breaking our one-line rule. */
    static String oneLine(String text) {
        return text.strip().replace("\t", "\\t").replace("\r", "").replace("\n", " ");
    }
}
