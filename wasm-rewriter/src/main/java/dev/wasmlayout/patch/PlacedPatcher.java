package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;

/**
 * The placed strategy: a module rebuilt with the flags {@code wasm-layout flags} prints already has
 * its data at the planned global base and imports its memory. It is checked against the plan, then
 * given the common steps (stack pointer, memory import and limits, heap confinement).
 */
final class PlacedPatcher {
    private PlacedPatcher() {
    }

    /** Checks the module against the plan; the data stays where it is. */
    static final class CheckPlaced implements PatchStep {
        @Override
        public void apply(PatchContext c) {
            check(c.parsed, c.facts, c.placement, c);
        }
    }

    private static void check(ParsedModule m, ModuleFacts f, Placement p, PatchContext c) {
        if (f.pic().pic()) {
            throw new PatchException("position-independent module: use the pic strategy");
        }
        // checked first: a placed module cannot move its table entries whatever else the plan asks
        if (p.tableBase() != 0) {
            TableWindow w = TableWindow.of(m);
            throw new PatchException("its function table entries start at index " + w.first() + " but the fused table"
                    + " puts them at " + (w.first() + p.tableBase()) + "; a placed module cannot move them (rebuild with"
                    + " -Wl,--table-base=" + (w.first() + p.tableBase()) + ", or link it with -Wl,--emit-relocs and"
                    + " use the relocate strategy)");
        }
        if (f.memory().present() && !f.memory().imported()) {
            throw new PatchException("placed needs a module that imports its memory (rebuild with the flags"
                    + " `wasm-layout flags` prints: --import-memory, --global-base=" + RelocatePatcher.hex(p.dataStart()) + ")");
        }
        boolean hasData = f.data().size() > 0;
        if (hasData && (f.data().start() < p.dataStart() || f.data().end() > p.dataEnd())) {
            throw new PatchException("static data " + RelocatePatcher.hex(f.data().start()) + ".." + RelocatePatcher.hex(f.data().end())
                    + " is not inside its planned region " + RelocatePatcher.hex(p.dataStart()) + ".." + RelocatePatcher.hex(p.dataEnd())
                    + " (rebuild with --global-base=" + RelocatePatcher.hex(p.dataStart()) + ")");
        }
        if (f.heap().heapBase() >= 0 && f.heap().heapBase() != p.heapStart() && p.heapEnd() > p.heapStart()) {
            throw new PatchException("__heap_base is " + RelocatePatcher.hex(f.heap().heapBase()) + " but the planned heap starts at "
                    + RelocatePatcher.hex(p.heapStart()) + " (rebuild with the flags `wasm-layout flags` prints)");
        }
        long start = hasData ? f.data().start() : p.dataStart();
        // the data stays where it is: an address map with no delta still re-points the linker's stack and heap symbols
        Placement same = new Placement(p.memoryModule(), p.memoryName(), p.initialPages(), p.maxPages(), start,
                start + (p.dataEnd() - p.dataStart()), p.stackLow(), p.stackHigh(), p.heapStart(), p.heapEnd(), p.symbols(),
                p.importRenames(), p.tableBase(), p.stackCheck());
        c.map = new AddressMap(start, hasData ? f.data().end() : start, same);
        c.log.add("data already at " + RelocatePatcher.hex(start) + " as planned");
    }
}
