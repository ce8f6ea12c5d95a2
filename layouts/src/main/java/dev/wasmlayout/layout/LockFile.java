package dev.wasmlayout.layout;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Fields;
import dev.wasmlayout.source.Sizes;
import dev.wasmlayout.source.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * wasm-layout.lock: every region's name, kind, owner and addresses, one region per line in address
 * order, hex addresses, no timestamps, so a plan that did not move anything rewrites the same bytes
 * and a diff shows exactly what moved.
 * <pre>
 * version: 1
 * regions:
 *   - {name: "producer.data", kind: data, owner: "producer", start: 0x10400, end: 0x10c00, align: 16}
 * </pre>
 */
public final class LockFile {

    public static final String FILE_NAME = "wasm-layout.lock";
    private static final int VERSION = 1;

    private LockFile() {
    }

    public static String write(Layout layout) {
        StringBuilder out = new StringBuilder()
                .append("# ").append(FILE_NAME).append(": the addresses of the last plan, written by wasm-layout.\n")
                .append("# Commit it: the next plan keeps every region here unless it no longer fits.\n")
                .append("version: ").append(VERSION).append('\n')
                .append(layout.regions().isEmpty() ? "regions: []\n" : "regions:\n");
        for (Region region : layout.regions()) {
            out.append("  - {name: ").append(quote(region.name()))
                    .append(", kind: ").append(region.kind().jsonName())
                    .append(", owner: ").append(region.owner() == null ? "null" : quote(region.owner()))
                    .append(", start: ").append(Sizes.hex(region.start()))
                    .append(", end: ").append(Sizes.hex(region.end()))
                    .append(", align: ").append(region.align())
                    .append("}\n");
        }
        return out.toString();
    }

    /** Double-quoted, so names like "yes" or "null" stay strings for every YAML reader. */
    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    public static void writeTo(Path file, Layout layout) {
        AtomicFiles.write(file, write(layout).getBytes(StandardCharsets.UTF_8));
    }

    /** The lock at {@code file}, or empty when there is none yet (the first plan). */
    public static Optional<Lock> readIfPresent(Path file) {
        try {
            return Optional.of(parse(Files.readString(file), file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LayoutFileException(file, null, "cannot read: " + e.getMessage());
        }
    }

    /** Reads lock text; {@code file} only names the source in messages. */
    public static Lock parse(String text, Path file) {
        Complaint complaint = (where, detail) -> new LayoutFileException(file, where, detail);
        Fields top = Fields.lenient(RegionReader.root(TreeReader.readYaml(text, complaint), "lock file", complaint), "", complaint);
        long version = top.integer("version");
        if (version != VERSION) {
            throw top.wrong("version", "expected " + VERSION + ", got " + version + " (written by another wasm-layout version?)");
        }
        return new Lock(RegionReader.regions(top, "regions", complaint));
    }
}
