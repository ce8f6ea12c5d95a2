package dev.wasmlayout.layout;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Fields;
import dev.wasmlayout.source.ListNode;
import dev.wasmlayout.source.Node;
import dev.wasmlayout.source.TreeReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * layout.json, the contract between the planner and the rewriter, validator and reports:
 * <pre>
 * {"memory": {"import", "pageSize", "initialPages", "maxPages"},
 *  "regions": [{"name", "kind", "owner", "start", "end", "align"}],
 *  "modules": [{"name", "input", "strategy"}],
 *  "footprint": {...}}
 * </pre>
 * Written with keys in exactly this order, two-space indentation, LF line ends and a final newline, so
 * the same layout always gives the same bytes. Readers ignore keys they do not know; "align" and
 * "footprint" are optional when reading.
 */
public final class LayoutJson {

    private static final JsonFactory JSON = new JsonFactory();

    private LayoutJson() {
    }

    public static String write(Layout layout) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(printer());
            json.writeStartObject();
            json.writeObjectFieldStart("memory");
            json.writeStringField("import", layout.memoryImport());
            json.writeNumberField("pageSize", layout.pageSize());
            json.writeNumberField("initialPages", layout.initialPages());
            json.writeNumberField("maxPages", layout.maxPages());
            json.writeEndObject();
            json.writeArrayFieldStart("regions");
            for (Region region : layout.regions()) {
                json.writeStartObject();
                json.writeStringField("name", region.name());
                json.writeStringField("kind", region.kind().jsonName());
                json.writeStringField("owner", region.owner()); // null is written as null: same keys always
                json.writeNumberField("start", region.start());
                json.writeNumberField("end", region.end());
                json.writeNumberField("align", region.align());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("modules");
            for (ModuleAssignment module : layout.modules()) {
                json.writeStartObject();
                json.writeStringField("name", module.name());
                json.writeStringField("input", module.input());
                json.writeStringField("strategy", module.strategy().jsonName());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (layout.footprint() != null) {
                writeFootprint(json, layout.footprint());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to a StringWriter: cannot happen
        }
        return out + "\n";
    }

    private static void writeFootprint(JsonGenerator json, Footprint footprint) throws IOException {
        json.writeObjectFieldStart("footprint");
        json.writeNumberField("usedBytes", footprint.usedBytes());
        json.writeNumberField("pages", footprint.pages());
        json.writeNumberField("bytes", footprint.bytes());
        json.writeNumberField("separatePages", footprint.separatePages());
        json.writeNumberField("separateBytes", footprint.separateBytes());
        json.writeNumberField("savedPages", footprint.savedPages());
        json.writeNumberField("savedBytes", footprint.savedBytes());
        json.writeEndObject();
    }

    /** Jackson's default printer uses the platform line separator and " : "; we want LF and ": ". */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    public static Layout read(Path file) {
        try {
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new LayoutFileException(file, null, "cannot read: " + e.getMessage());
        }
    }

    /** Reads layout JSON; {@code file} only names the source in messages. */
    public static Layout parse(String json, Path file) {
        Complaint complaint = (where, detail) -> new LayoutFileException(file, where, detail);
        Fields top = Fields.lenient(RegionReader.root(TreeReader.readJson(json, complaint), "layout", complaint), "", complaint);
        Fields memory = Fields.lenient(Fields.requireMap(top.required("memory"), "memory", complaint), "in memory", complaint);
        long pageSize = memory.integer("pageSize");
        if (pageSize != Layout.PAGE_SIZE) {
            throw memory.wrong("pageSize", "expected " + Layout.PAGE_SIZE + ", the only page size supported, got " + pageSize);
        }
        List<Region> regions = RegionReader.regions(top, "regions", complaint);
        return new Layout(memory.text("import"), Layout.PAGE_SIZE, memory.integer("initialPages"),
                memory.integer("maxPages"), regions, modules(top, complaint), footprint(top, complaint));
    }

    private static List<ModuleAssignment> modules(Fields top, Complaint complaint) {
        Node node = top.required("modules");
        if (!(node instanceof ListNode list)) {
            throw top.expected("modules", "a list of modules");
        }
        List<ModuleAssignment> modules = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Fields fields = Fields.lenient(Fields.requireMap(list.items().get(i), "module #" + (i + 1), complaint),
                    "in module #" + (i + 1), complaint);
            String strategy = fields.text("strategy");
            modules.add(new ModuleAssignment(fields.text("name"), fields.text("input"),
                    Strategy.fromName(strategy).orElseThrow(() -> fields.expected("strategy",
                            "one of " + String.join(", ", Strategy.names())))));
        }
        return modules;
    }

    private static Footprint footprint(Fields top, Complaint complaint) {
        if (!top.has("footprint")) {
            return null;
        }
        Fields fields = Fields.lenient(Fields.requireMap(top.get("footprint"), "footprint", complaint), "in footprint", complaint);
        return new Footprint(fields.integer("usedBytes"), fields.integer("pages"), fields.integer("separatePages"));
    }
}
