package dev.wasmlayout.layout.report;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.ModuleAssignment;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.layout.Strategy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Layouts for report tests. The golden cases are layout.json files the planner wrote:
 * {@code footprint} is samples/footprint/wasm-layout.yaml planned with its prebuilt modules (a reserve at
 * 0, four modules with stack, data and heap); {@code huge-gap} puts two of those modules, two shared
 * buffers and a reserve fixed at 0x3f0000 into 4 MiB, so nearly all of the memory is one free gap.
 */
final class ReportFixtures {

    static final List<String> CASES = List.of("footprint", "huge-gap");

    private ReportFixtures() {
    }

    /** The fixture folder in the source tree (not target/), so goldens can be rewritten in place. */
    static Path folder() {
        String root = System.getProperty("wasmlayout.root");
        Path base = root == null ? Path.of("") : Path.of(root, "layouts");
        return base.resolve("src/test/resources/reports").toAbsolutePath();
    }

    static Layout golden(String name) {
        return LayoutJson.read(folder().resolve(name).resolve("layout.json"));
    }

    /** Names that need escaping in every format, names that mangle alike in C, an empty region, a module without a colour. */
    static Layout awkward() {
        return new Layout("env.\"mem\" <&>", Layout.PAGE_SIZE, 1, 2, List.of(
                new Region("x-y", RegionKind.RESERVED, null, 0, 0x100, 1),
                new Region("x_y", RegionKind.RESERVED, null, 0x100, 0x200, 1),
                new Region("x.y.reserved", RegionKind.SHARED, null, 0x200, 0x300, 1),
                new Region("page", RegionKind.SHARED, null, 0x300, 0x400, 1),
                new Region("<b>&amp;'q'\"|*_`", RegionKind.SHARED, null, 0x400, 0x800, 1),
                new Region("a<1>.data", RegionKind.DATA, "a<1>", 0x800, 0x800, 16),
                new Region("a<1>.heap", RegionKind.HEAP, "a<1>", 0x800, 0x1000, 16),
                new Region("*/ /* ??/ \u0001\n", RegionKind.GUARD, null, 0x1000, 0x1010, 1),
                new Region("stray.heap", RegionKind.HEAP, "stray", 0x2000, 0x3000, 16)),
                List.of(new ModuleAssignment("a<1>", "a.wasm", Strategy.PIC)),
                new Footprint(0x3000, 1, 1));
    }

    /** The layout of {@link #awkward} without a footprint. */
    static Layout withoutFootprint(Layout layout) {
        return new Layout(layout.memoryImport(), layout.pageSize(), layout.initialPages(), layout.maxPages(),
                layout.regions(), layout.modules(), null);
    }

    /** An executable on PATH, for tests that use an optional tool. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
