package dev.wasmlayout.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML or JSON document with Jackson's streaming parser into a {@link Node} tree that keeps
 * every value's line and column. Syntax errors, duplicate keys, YAML aliases and extra documents are
 * reported through the caller's {@link Complaint}, each as one line.
 */
public final class TreeReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final Complaint complaint;

    private TreeReader(Complaint complaint) {
        this.complaint = complaint;
    }

    /** The document's root, or null when the text holds no document at all (empty or only comments). */
    public static Node readYaml(String text, Complaint complaint) {
        return new TreeReader(complaint).read(YAML, text);
    }

    /** Same as {@link #readYaml} for JSON text. */
    public static Node readJson(String text, Complaint complaint) {
        return new TreeReader(complaint).read(JSON, text);
    }

    private Node read(JsonFactory factory, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            Node root = readValue(parser);
            if (parser.nextToken() != null) {
                throw complaint.at(location(parser), "expected a single document, found a second one here");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw complaint.at(SyntaxErrors.location(e), SyntaxErrors.detail(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String: cannot happen
        }
    }

    // Recursion depth is bounded by Jackson's StreamReadConstraints (nesting depth 1000).
    private Node readValue(JsonParser parser) throws IOException {
        Location where = location(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMap(parser, where);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new ListNode(items, where);
            default:
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw complaint.at(where, "YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
                }
                return new ScalarNode(token == JsonToken.VALUE_NULL ? "" : parser.getText(), kind(token), where);
        }
    }

    private MapNode readMap(JsonParser parser, Location where) throws IOException {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Location keyLocation = location(parser);
            MapNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                throw complaint.at(keyLocation, "duplicate key " + Quote.of(key) + " (first at " + earlier.keyLocation() + ")");
            }
            parser.nextToken();
            entries.put(key, new MapNode.Entry(key, keyLocation, readValue(parser)));
        }
        return new MapNode(entries, where);
    }

    private static ScalarNode.Kind kind(JsonToken token) {
        return switch (token) {
            case VALUE_NUMBER_INT -> ScalarNode.Kind.INTEGER;
            case VALUE_NUMBER_FLOAT -> ScalarNode.Kind.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> ScalarNode.Kind.BOOLEAN;
            case VALUE_NULL -> ScalarNode.Kind.NULL;
            default -> ScalarNode.Kind.STRING;
        };
    }

    static Location location(JsonParser parser) {
        return of(parser.currentTokenLocation());
    }

    static Location of(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Location.START;
        }
        return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}
