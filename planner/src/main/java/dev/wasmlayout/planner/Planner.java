package dev.wasmlayout.planner;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Lock;
import dev.wasmlayout.layout.ModuleAssignment;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.manifest.Defaults;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.source.Sizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives every region of the shared memory an address.
 *
 * <ol>
 * <li>Fixed regions (null guard, {@code at:}) go where the manifest says; two overlapping is an error.</li>
 * <li>With a previous lock, every other region stays where it was if it still fits there.</li>
 * <li>The rest goes in blocks (a module's stack, data and heap together; each shared buffer or reserve
 *     alone), largest first, each at the lowest address where it fits (first fit decreasing): large
 *     blocks first leave the small ones to fill the gaps alignment and fixed regions leave behind.
 *     Ties go by declaration order, and nothing depends on hash order, so equal inputs give equal plans.</li>
 * <li>The result must end within {@code memory.max}; the memory starts with just enough pages.</li>
 * </ol>
 */
public final class Planner {

    /** Moves named in a locked-plan error; the count says how many more there are. */
    private static final int MAX_LISTED = 8;

    private Planner() {
    }

    /** A fresh plan, with no previous lock to respect. */
    public static Plan plan(Manifest manifest, List<ModuleNeeds> needs) {
        return plan(manifest, needs, null, false);
    }

    /**
     * @param previous the last plan's lock, or null for a fresh plan
     * @param locked   when true, a region that would leave its locked address is an error instead of a {@link Move}
     * @throws PlanningException when no plan exists or, with {@code locked}, when something would move
     */
    public static Plan plan(Manifest manifest, List<ModuleNeeds> needs, Lock previous, boolean locked) {
        NeedsIndex needsIndex = new NeedsIndex(manifest, needs);
        List<ModuleAssignment> modules = assignments(manifest, needsIndex);
        List<Part> parts = Parts.of(manifest, needsIndex);
        AddressSpace space = new AddressSpace();
        Map<String, Region> placed = new HashMap<>(); // lookups only; the layout sorts the regions

        FixedPlacement.place(manifest, parts, space, placed);
        List<LockKeeper.Leaving> leaving = previous == null ? List.of()
                : LockKeeper.keep(parts, previous.byName(), manifest.memory().max(), space, placed);
        for (Block block : blocksToPlace(parts, placed)) {
            long start = space.firstFit(block.size(), block.align(), block.anchor());
            for (Region region : block.regionsAt(start)) {
                space.take(region.start(), region.end(), region.name());
                placed.put(region.name(), region);
            }
        }
        BudgetCheck.check(manifest, placed.values());

        List<Move> moves = moves(leaving, placed);
        if (locked && !moves.isEmpty()) {
            throw PlanningException.at(manifest, null, "locked: " + moves.stream().limit(MAX_LISTED)
                    .map(m -> m.region() + " would move from " + Sizes.hex(m.oldStart()) + " to "
                            + Sizes.hex(m.newStart()) + " (" + m.reason() + ")")
                    .collect(Collectors.joining("; "))
                    + (moves.size() > MAX_LISTED ? "; and " + (moves.size() - MAX_LISTED) + " more" : "")
                    + "; plan without locking to accept " + (moves.size() == 1 ? "the move" : "the moves"));
        }
        return new Plan(layout(manifest, needsIndex, modules, placed), moves, warnings(manifest, needsIndex));
    }

    /**
     * A module given {@code heap: 0} whose code reaches memory.grow or memory.size (wasi-libc's malloc does):
     * its memory then ends where its data does, and every allocation fails.
     */
    private static List<String> warnings(Manifest manifest, NeedsIndex needs) {
        List<String> warnings = new ArrayList<>();
        for (ModuleSpec module : manifest.modules()) {
            if (module.heap().isPresent() && module.heap().getAsLong() == 0 && needs.get(module.name()).heapEndsOnPage()) {
                warnings.add(manifest.file() + ":" + module.location() + ": module '" + module.name() + "' has heap: 0"
                        + " but its code reaches memory.grow/memory.size (malloc does): every allocation will fail;"
                        + " give it a heap or check that it never allocates");
            }
        }
        return warnings;
    }

    /** The parts not yet placed, grouped into blocks, in the order first fit decreasing wants. */
    private static List<Block> blocksToPlace(List<Part> parts, Map<String, Region> placed) {
        Map<String, List<Part>> groups = new LinkedHashMap<>();
        for (Part part : parts) {
            if (!placed.containsKey(part.name())) {
                groups.computeIfAbsent(part.group(), g -> new ArrayList<>()).add(part);
            }
        }
        List<Block> blocks = new ArrayList<>(groups.size());
        groups.values().forEach(group -> blocks.add(new Block(group)));
        blocks.sort(Comparator.comparingLong(Block::size).reversed()
                .thenComparing(Comparator.comparingLong(Block::align).reversed())
                .thenComparingInt(Block::order));
        return blocks;
    }

    private static List<Move> moves(List<LockKeeper.Leaving> leaving, Map<String, Region> placed) {
        List<Move> moves = new ArrayList<>();
        for (LockKeeper.Leaving leave : leaving) {
            long newStart = placed.get(leave.region()).start();
            if (newStart != leave.oldStart()) {
                moves.add(new Move(leave.region(), leave.oldStart(), newStart, leave.reason()));
            }
        }
        moves.sort(Comparator.comparingLong(Move::oldStart).thenComparing(Move::region));
        return moves;
    }

    private static List<ModuleAssignment> assignments(Manifest manifest, NeedsIndex needs) {
        List<ModuleAssignment> modules = new ArrayList<>();
        for (ModuleSpec module : manifest.modules()) {
            Strategy strategy = strategy(manifest, module, needs.get(module.name()));
            modules.add(new ModuleAssignment(module.name(), module.wasm(), strategy));
        }
        return modules;
    }

    private static Layout layout(Manifest manifest, NeedsIndex needs, List<ModuleAssignment> modules,
                                 Map<String, Region> placed) {
        long used = BudgetCheck.highestEnd(placed.values());
        long pages = BudgetCheck.pages(used);
        long separatePages = 0;
        for (ModuleSpec module : manifest.modules()) {
            separatePages += BudgetCheck.pages(aloneBytes(module, placed));
        }
        return new Layout(manifest.memory().importName(), Layout.PAGE_SIZE, pages, manifest.memory().maxPages(),
                new ArrayList<>(placed.values()), modules, new Footprint(used, pages, separatePages));
    }

    /**
     * The memory a module needs alone with the stack and heap the plan gives it: wasm-ld's default global
     * base (1 KiB below the data, as the null guard here), its stack, data and heap, each 16-aligned.
     * Shared buffers and reserves count only in the shared memory, so the comparison never flatters sharing.
     */
    private static long aloneBytes(ModuleSpec module, Map<String, Region> placed) {
        long bytes = Defaults.NULL_GUARD;
        for (String suffix : new String[] {".stack", ".data", ".heap"}) {
            Region r = placed.get(module.name() + suffix);
            if (r != null) {
                bytes += Sizes.alignUp(r.size(), PlanDefaults.GRANULE);
            }
        }
        return bytes;
    }

    /** The strategy the caller chose (the manifest's, else what inspection found): the planner only records it. */
    private static Strategy strategy(Manifest manifest, ModuleSpec module, ModuleNeeds need) {
        if (need.strategy() == null) {
            throw PlanningException.at(manifest, module.location(), "module '" + module.name()
                    + "': no strategy: inspection found none and the manifest sets none (relocate, pic or placed)");
        }
        return need.strategy();
    }
}
