package dev.wasmlayout.layout;

import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Fields;
import dev.wasmlayout.source.ListNode;
import dev.wasmlayout.source.Location;
import dev.wasmlayout.source.MapNode;
import dev.wasmlayout.source.Node;
import dev.wasmlayout.source.Quote;
import dev.wasmlayout.source.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the region list that layout.json and wasm-layout.lock have in common. Extra keys are ignored. */
final class RegionReader {

    private RegionReader() {
    }

    static List<Region> regions(Fields parent, String key, Complaint complaint) {
        Node node = parent.required(key);
        if (!(node instanceof ListNode list)) {
            throw parent.expected(key, "a list of regions");
        }
        List<Region> regions = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String context = "in region #" + (i + 1);
            Fields fields = Fields.lenient(Fields.requireMap(item, "region #" + (i + 1), complaint), context, complaint);
            Region region = region(fields);
            Node earlier = seen.putIfAbsent(region.name(), fields.get("name"));
            if (earlier != null) {
                throw fields.wrong("name", Quote.of(region.name()) + " appears twice (first at " + earlier.location() + ")");
            }
            regions.add(region);
        }
        return regions;
    }

    private static Region region(Fields fields) {
        String name = fields.text("name");
        String kindName = fields.text("kind");
        RegionKind kind = RegionKind.fromName(kindName).orElseThrow(() -> fields.expected("kind",
                "one of " + String.join(", ", RegionKind.names())));
        String owner = fields.get("owner") instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text() : null;
        if (kind.isModuleOwned() && owner == null) {
            throw fields.wrong("owner", "a " + kind.jsonName() + " region needs the module that owns it");
        }
        long start = fields.integer("start");
        long end = fields.integer("end");
        long align = fields.has("align") ? fields.integer("align") : 1;
        try {
            return new Region(name, kind, owner, start, end, align);
        } catch (IllegalArgumentException e) {
            throw fields.wrong(start < 0 || end < start ? "end" : "align", e.getMessage());
        }
    }

    /** Reads the root mapping or complains that the file has none. */
    static MapNode root(Node root, String what, Complaint complaint) {
        if (root == null) {
            throw complaint.at(Location.START, "the " + what + " is empty");
        }
        return Fields.requireMap(root, "the " + what, complaint);
    }
}
