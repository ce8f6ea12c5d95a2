package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.custom.Symbol;
import java.util.OptionalLong;

/**
 * Where the addresses of a module's data go: the whole static data moves by one delta (code
 * computes addresses across symbols, trap 5), linker-made symbols for the stack and heap go to the
 * planned regions, and undefined data symbols resolve to the shared or reserved region of their name.
 */
final class AddressMap {
    private final long oldStart;
    private final long oldEnd;
    private final long delta;
    private final Placement p;

    AddressMap(long oldStart, long oldEnd, Placement p) {
        this.oldStart = oldStart;
        this.oldEnd = oldEnd;
        this.delta = p.dataStart() - oldStart;
        this.p = p;
    }

    long delta() {
        return delta;
    }

    boolean inData(long address) {
        return address >= oldStart && address <= oldEnd;
    }

    /** New value of a linker-defined address symbol, or empty when the name is not one of them. */
    OptionalLong linkerSymbol(String name) {
        if (name == null) {
            return OptionalLong.empty();
        }
        switch (name) {
            case "__heap_base": return OptionalLong.of(p.heapStart());
            case "__heap_end": return OptionalLong.of(p.heapEnd());
            case "__stack_low": return OptionalLong.of(p.stackLow());
            case "__stack_high": return OptionalLong.of(p.stackHigh());
            case "__global_base": return OptionalLong.of(p.dataStart());
            case "__data_end": return OptionalLong.of(oldEnd + delta);
            default: return OptionalLong.empty();
        }
    }

    /** Whether an undefined data symbol of this name resolves to a shared or reserved region. */
    boolean isRegion(String name) {
        return name != null && p.symbols().containsKey(name);
    }

    /** New address of a value that was an address as linked. */
    long move(long oldAddress) {
        return inData(oldAddress) ? oldAddress + delta : oldAddress;
    }

    /** New address of a data symbol whose old address is {@code oldAddress} (ignored when undefined). */
    long symbol(Symbol s, OptionalLong oldAddress) {
        if (s.undefined()) {
            Long a = p.symbols().get(s.name());
            if (a == null) {
                throw new PatchException("undefined data symbol '" + s.name()
                        + "' names no shared or reserved region in the manifest");
            }
            return a;
        }
        OptionalLong linker = s.absolute() ? linkerSymbol(s.name()) : OptionalLong.empty();
        if (linker.isPresent()) {
            return linker.getAsLong();
        }
        long old = oldAddress.orElseThrow(() -> new PatchException("data symbol '" + s.name() + "' has no address"));
        return s.absolute() ? move(old) : old + delta;
    }
}
