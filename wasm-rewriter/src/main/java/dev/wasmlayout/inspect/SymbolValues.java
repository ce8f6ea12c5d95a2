package dev.wasmlayout.inspect;

import dev.wasmlayout.wasm.custom.LinkingSection;
import dev.wasmlayout.wasm.custom.Symbol;
import dev.wasmlayout.wasm.custom.SymbolKind;
import dev.wasmlayout.wasm.sections.DataSegment;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.OptionalLong;

/**
 * The address a data symbol stands for in a linked module. Resolved through the symbol (segment
 * address + offset, or the absolute value), never by looking up which segment an address falls in:
 * one past the end of one segment is the start of the next (trap 7).
 */
public final class SymbolValues {
    private final ModuleSections sections;
    private final LinkingSection linking;

    public SymbolValues(ModuleSections sections, LinkingSection linking) {
        this.sections = sections;
        this.linking = linking;
    }

    public OptionalLong address(Symbol s) {
        if (s.kind() != SymbolKind.DATA || s.undefined()) {
            return OptionalLong.empty();
        }
        if (s.absolute()) {
            return OptionalLong.of(s.offset());
        }
        if (s.index() < 0 || s.index() >= sections.data.size()) {
            return OptionalLong.empty();
        }
        DataSegment seg = sections.data.get(s.index());
        long base = seg.address();
        return base < 0 ? OptionalLong.empty() : OptionalLong.of(base + s.offset());
    }

    /** Address of the defined data symbol {@code name}, if the symbol table has it. */
    public OptionalLong address(String name) {
        if (linking == null) {
            return OptionalLong.empty();
        }
        Symbol s = linking.find(SymbolKind.DATA, name);
        return s == null ? OptionalLong.empty() : address(s);
    }

    public Symbol symbol(int number) {
        return linking != null && number >= 0 && number < linking.symbols().size() ? linking.symbols().get(number) : null;
    }
}
