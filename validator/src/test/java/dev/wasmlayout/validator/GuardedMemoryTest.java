package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inline range test of every store, at its edges, and the permit behind it for the rest. */
class GuardedMemoryTest {
    // a: the widest range (stack + data, merged) is tested inline; its small shared ring goes to the permit
    private final Ownership o = new Ownership(List.of(
            new OwnedRegion("a.stack", RegionKind.STACK, "a", 0x1000, 0x3000, Set.of()),
            new OwnedRegion("a.data", RegionKind.DATA, "a", 0x3000, 0x3100, Set.of()),
            new OwnedRegion("b.data", RegionKind.DATA, "b", 0x3100, 0x4000, Set.of()),
            new OwnedRegion("ring", RegionKind.SHARED, null, 0x8000, 0x8006, Set.of("a")),
            new OwnedRegion("tiny", RegionKind.DATA, "t", 0x9000, 0x9002, Set.of())));
    private final SharedMemory shared = new SharedMemory(1, 2);
    private final Violations sink = new Violations(true);

    private GuardedMemory view(String writer) {
        WriteCheck check = new WriteCheck(writer, o, sink, () -> new FunctionLocator.Where("f", null), () -> -1);
        return new GuardedMemory(shared, check, i -> "seg" + i);
    }

    @Test
    void storesInsideTheWidestRangePassUpToItsLastByte() {
        GuardedMemory a = view("a");
        a.writeByte(0x1000, (byte) 1);
        a.writeI32(0x30fc, 2);
        a.writeLong(0x30f8, 3L);
        a.writeShort(0x30fe, (short) 4);
        a.writeF32(0x1000, 5f);
        a.writeF64(0x2ffc, 6d); // across the stack/data border: one merged range
        assertThat(sink.list()).isEmpty();
        assertThat(shared.readLong(0x30f8)).isEqualTo(3L | 4L << 48); // the stores reached the shared memory
    }

    @Test
    void storesCrossingEitherEndAreReportedFromTheFirstForeignByte() {
        GuardedMemory a = view("a");
        a.writeI32(0x30fd, 1);  // 3 bytes in a.data, 1 in b.data
        a.writeLong(0x0ffc, 2); // 4 bytes below the stack
        a.writeByte(0x3100, (byte) 3);
        a.writeShort(0x0fff, (short) 4);
        List<Violation> v = sink.list();
        assertThat(v).extracting(Violation::address).containsExactly(0x3100L, 0x0ffcL, 0x3100L, 0x0fffL);
        assertThat(v).extracting(Violation::size).containsExactly(1, 8, 1, 2); // from the first foreign byte to the end of the store
        assertThat(v).extracting(Violation::region).containsExactly("b.data", "(no region)", "b.data", "(no region)");
    }

    @Test
    void rangesBeyondTheInlineOneStillComeFromThePermit() {
        GuardedMemory a = view("a");
        a.writeShort(0x8004, (short) 1); // the ring's last two bytes
        a.writeI32(0x8004, 2);           // two bytes past it
        assertThat(sink.list()).extracting(Violation::address).containsExactly(0x8006L);
    }

    @Test
    void theLastOtherRangeHitIsTestedInlineUpToItsEdges() {
        GuardedMemory a = view("a");
        a.writeByte(0x8000, (byte) 1);  // the ring (6 bytes) becomes the second range tested inline
        a.writeShort(0x8004, (short) 2);
        a.writeI32(0x8002, 3);          // its last four bytes
        a.writeF32(0x8002, 4f);
        assertThat(shared.readFloat(0x8002)).isEqualTo(4f);
        a.writeI32(0x1000, 5);          // the widest range is still tested first
        a.writeLong(0x8000, 6);         // wider than the ring: foreign from 0x8006
        a.writeByte(0x8006, (byte) 7);  // one past its end
        a.writeShort(0x7fff, (short) 8); // one byte before it
        a.writeF64(0x7ffe, 9d);
        assertThat(sink.list()).extracting(Violation::address).containsExactly(0x8006L, 0x8006L, 0x7fffL, 0x7ffeL);
        a.writeI32(0x3100, 10);         // another module's data: still reported after all that
        assertThat(sink.list()).extracting(Violation::address).endsWith(0x3100L);
    }

    @Test
    void aRangeNarrowerThanTheStoreLetsNothingThroughInline() {
        GuardedMemory t = view("t");
        t.writeShort(0x9000, (short) 1);
        t.writeI32(0x9000, 2);
        assertThat(sink.list()).extracting(Violation::address).containsExactly(0x9002L);
    }

    @Test
    void aWriterWithoutRangesIsReportedEverywhereInside() {
        GuardedMemory nobody = view("nobody");
        nobody.writeByte(0, (byte) 1);
        nobody.writeByte(0xffff, (byte) 1);
        assertThat(sink.list()).extracting(Violation::address).containsExactly(0L, 0xffffL);
    }

    @Test
    void outOfBoundsStoresTrapWithChicorysMessageNotAViolation() {
        GuardedMemory a = view("a");
        assertThatThrownBy(() -> a.writeI32(0x10000, 1)).hasMessageContaining("out of bounds memory access");
        assertThatThrownBy(() -> a.writeByte(-1, (byte) 1)).hasMessageContaining("out of bounds memory access");
        assertThatThrownBy(() -> a.writeLong(Integer.MAX_VALUE - 3, 1)).hasMessageContaining("out of bounds memory access");
        assertThat(sink.list()).isEmpty();
    }
}
