package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipTest {
    private final Ownership o = new Ownership(List.of(
            new OwnedRegion("guard", RegionKind.GUARD, null, 0, 0x400, Set.of()),
            new OwnedRegion("b.heap", RegionKind.HEAP, "b", 0x1000, 0x2000, Set.of()),
            new OwnedRegion("a.stack", RegionKind.STACK, "a", 0x2000, 0x3000, Set.of()),
            new OwnedRegion("a.data", RegionKind.DATA, "a", 0x3000, 0x3100, Set.of()),
            new OwnedRegion("ring", RegionKind.SHARED, null, 0x3100, 0x3200, Set.of("a", "host")),
            new OwnedRegion("io", RegionKind.RESERVED, null, 0x8000, 0x9000, Set.of())));

    @Test
    void adjacentRegionsMergeIntoOnePermit() {
        Permit a = o.permit("a");
        assertThat(a.firstForeign(0x2ff0, 0x200)).isEqualTo(-1); // stack, data and ring in one write
        assertThat(a.firstForeign(0x31f0, 0x20)).isEqualTo(0x3200);
        assertThat(a.firstForeign(0x1ffe, 4)).isEqualTo(0x1ffe);
    }

    @Test
    void hostWritesReservedAndSharedRegionsItIsWriterOf() {
        Permit h = o.permit(Ownership.HOST);
        assertThat(h.firstForeign(0x8000, 0x1000)).isEqualTo(-1);
        assertThat(h.firstForeign(0x3100, 0x100)).isEqualTo(-1);
        assertThat(h.firstForeign(0x3000, 4)).isEqualTo(0x3000);
    }

    @Test
    void kinds() {
        // below a's stack while its stack pointer is below it too
        assertThat(o.kind("a", 0x1ff0, o.regionAt(0x1ff0), 0x1fe0)).isEqualTo(Violation.STACK_OVERFLOW);
        assertThat(o.kind("a", 0x1ff0, o.regionAt(0x1ff0), -1)).isEqualTo(Violation.STACK_OVERFLOW);
        // same address, stack pointer still inside the stack: a stray pointer, not an overflow
        assertThat(o.kind("a", 0x1ff0, o.regionAt(0x1ff0), 0x2800)).isEqualTo(Violation.OUTSIDE);
        assertThat(o.kind("a", 0x0f00, o.regionAt(0x0f00), 0x0e00)).isEqualTo(Violation.NULL_POINTER);
        assertThat(o.kind("b", 0x10, o.regionAt(0x10), -1)).isEqualTo(Violation.NULL_POINTER);
        assertThat(o.kind("b", 0x3000, o.regionAt(0x3000), -1)).isEqualTo(Violation.OUTSIDE);
    }

    @Test
    void regionLookupAndOwners() {
        assertThat(o.regionAt(0x8800).ownerForReport()).isEqualTo("host");
        assertThat(o.regionAt(0x3150).ownerForReport()).isNull();
        assertThat(o.regionAt(0x5000)).isNull();
    }

    @Test
    void wasiMethodNamesBecomeImportNames() {
        assertThat(FunctionLocator.snakeCase("fdRead")).isEqualTo("fd_read");
        assertThat(FunctionLocator.snakeCase("fdPrestatDirName")).isEqualTo("fd_prestat_dir_name");
    }
}
