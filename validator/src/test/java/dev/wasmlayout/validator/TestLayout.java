package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.patch.Patcher;
import dev.wasmlayout.patch.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only planner: places modules one after another in one memory (a hand-made stand-in for the
 * planner) and patches them with the rewriter's relocate strategy.
 */
final class TestLayout {
    static final long PAGE = 65536;
    static final int PAGES = 16;

    private final List<OwnedRegion> regions = new ArrayList<>();
    private final Map<String, byte[]> linked = new LinkedHashMap<>();
    private final Map<String, Long> at = new HashMap<>();
    private long cursor;
    private boolean stackCheck = true;

    static byte[] resource(String name) {
        try (InputStream in = TestLayout.class.getResourceAsStream("/modules/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestLayout guard(String name, long size) {
        return region(name, RegionKind.GUARD, null, size, Set.of());
    }

    TestLayout reserved(String name, long size) {
        return region(name, RegionKind.RESERVED, null, size, Set.of());
    }

    TestLayout shared(String name, long size, Set<String> writers) {
        return region(name, RegionKind.SHARED, null, size, writers);
    }

    TestLayout alignTo(long a) {
        cursor = (cursor + a - 1) / a * a;
        return this;
    }

    private TestLayout region(String name, RegionKind kind, String owner, long size, Set<String> writers) {
        regions.add(new OwnedRegion(name, kind, owner, cursor, cursor + size, writers));
        at.put(name, cursor);
        cursor += size;
        return this;
    }

    /**
     * Places a module: data, stack, heap up to the next page boundary (so malloc's confined memory.size
     * ends at the heap's end), or stack first when {@code stackFirst}; no heap when {@code heap} is false.
     */
    TestLayout module(String name, String file, long stack, boolean heap, boolean stackFirst) {
        ParsedModule pm = ParsedModule.parse(resource(file));
        ModuleFacts f = Inspector.inspect(file, pm);
        long dataSize = (f.data().size() + 15) / 16 * 16;
        long stackLow;
        long dataStart;
        if (stackFirst) {
            stackLow = cursor;
            dataStart = cursor + stack;
        } else {
            dataStart = cursor;
            stackLow = cursor + dataSize;
        }
        long stackHigh = stackLow + stack;
        long end = stackFirst ? dataStart + dataSize : stackHigh;
        long heapEnd = heap ? (end + PAGE) / PAGE * PAGE : end;
        Placement p = new Placement("env", "memory", PAGES, PAGES, dataStart, dataStart + dataSize, stackLow, stackHigh,
                end, heapEnd, Map.of(), Map.of(), 0, stackCheck);
        linked.put(name, Patcher.patch(pm, f, null, p).bytes());
        regions.add(new OwnedRegion(name + ".data", RegionKind.DATA, name, dataStart, dataStart + dataSize, Set.of()));
        regions.add(new OwnedRegion(name + ".stack", RegionKind.STACK, name, stackLow, stackHigh, Set.of()));
        if (heap) {
            regions.add(new OwnedRegion(name + ".heap", RegionKind.HEAP, name, end, heapEnd, Set.of()));
        }
        at.put(name + ".data", dataStart);
        at.put(name + ".stack", stackLow);
        at.put(name + ".heap", end);
        cursor = heapEnd;
        return this;
    }

    /** Whether the modules placed after this call check their stack pointer (the patch's default: they do). */
    TestLayout stackCheck(boolean on) {
        stackCheck = on;
        return this;
    }

    long start(String region) {
        return at.get(region);
    }

    byte[] linked(String module) {
        return linked.get(module);
    }

    List<OwnedRegion> regions() {
        return List.copyOf(regions);
    }

    RunSet runSet(List<RunModule> modules) {
        if (cursor > PAGES * PAGE) {
            throw new IllegalStateException("test layout needs more than " + PAGES + " pages");
        }
        return new RunSet("env", "memory", PAGES, PAGES, modules, regions);
    }
}
