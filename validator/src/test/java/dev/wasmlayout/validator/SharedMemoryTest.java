package dev.wasmlayout.validator;

import dev.wasmlayout.layout.RegionKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Our memory and an instance's view of it behave exactly as Chicory's own ByteArrayMemory: the same
 * values read, the same bytes left, a trap in the same places. Random operations aim at the edges
 * that matter: page ends (the views' fast path stops there), the memory's end, pages not grown yet,
 * negative (huge unsigned) addresses, overlapping copies.
 */
class SharedMemoryTest {
    private static final int INITIAL = 2;
    private static final int MAX = 4;

    /** One operation: {@code kind} picks it, a, b, c are addresses or sizes, {@code value} the data. */
    record Op(int kind, int a, int b, int c, long value) {
        static final int KINDS = 22;
    }

    @Property(tries = 300)
    void theSharedMemoryBehavesAsChicorys(@ForAll("programs") List<Op> program) {
        SharedMemory shared = new SharedMemory(INITIAL, MAX);
        sameAsChicory(program, shared, shared);
    }

    @Property(tries = 300)
    void aViewBehavesAsChicorysMemory(@ForAll("programs") List<Op> program) {
        SharedMemory shared = new SharedMemory(INITIAL, MAX);
        sameAsChicory(program, new GuardedMemory(shared, everything(), i -> "seg" + i), shared);
    }

    private static void sameAsChicory(List<Op> program, Memory ours, SharedMemory behind) {
        Memory expected = new ByteArrayMemory(new MemoryLimits(INITIAL, MAX));
        for (int step = 0; step < program.size(); step++) {
            Op op = program.get(step);
            Object want = wrapsPast2GiB(op) ? new Trap("out of bounds") : apply(expected, op);
            assertThat(apply(ours, op)).as("step %d %s", step, op).isEqualTo(want);
        }
        assertThat(behind.pages()).isEqualTo(expected.pages());
        assertThat(behind.readBytes(0, behind.pages() * Memory.PAGE_SIZE))
                .isEqualTo(expected.readBytes(0, expected.pages() * Memory.PAGE_SIZE));
    }

    /**
     * A fill or copy whose range ends past 2^31: Chicory's bounds check adds in int, wraps, and then
     * fails with ArrayIndexOutOfBounds (or on a wrapped fill end) instead of trapping. Such a range
     * cannot fit any 32-bit memory Chicory holds, so ours must trap; the reference is not asked.
     */
    private static boolean wrapsPast2GiB(Op op) {
        if (op.kind() == 15) {
            return (long) op.a() + op.c() != op.a() + op.c() || (long) op.a() + op.c() > Integer.MAX_VALUE;
        }
        return op.kind() == 16 && ((long) op.a() + op.c() > Integer.MAX_VALUE || (long) op.b() + op.c() > Integer.MAX_VALUE);
    }

    @Test
    void aGrownPageIsSeenByEveryViewAndStartsZeroed() {
        SharedMemory shared = new SharedMemory(1, 2);
        GuardedMemory a = new GuardedMemory(shared, everything(), i -> "seg" + i);
        GuardedMemory b = new GuardedMemory(shared, everything(), i -> "seg" + i);
        assertThat(apply(a, new Op(3, Memory.PAGE_SIZE, 0, 0, 7))).isInstanceOf(Trap.class);
        assertThat(a.grow(1)).isEqualTo(1);
        assertThat(b.readInt(Memory.PAGE_SIZE)).isZero();
        a.writeI32(Memory.PAGE_SIZE, 7);
        assertThat(b.readInt(Memory.PAGE_SIZE)).isEqualTo(7);
        assertThat(b.grow(1)).isEqualTo(-1); // at the maximum
    }

    /** A trap, compared by kind only: the two memories word their messages differently. */
    record Trap(String kind) { }

    private static Object apply(Memory m, Op op) {
        try {
            return run(m, op);
        } catch (WasmRuntimeException e) {
            assertThat(e.getMessage()).startsWith("out of bounds memory access");
            return new Trap("out of bounds");
        }
    }

    private static Object run(Memory m, Op op) {
        int a = op.a();
        long v = op.value();
        switch (op.kind()) {
            case 0: return m.grow(op.c() & 3);
            case 1: m.writeByte(a, (byte) v); return null;
            case 2: m.writeShort(a, (short) v); return null;
            case 3: m.writeI32(a, (int) v); return null;
            case 4: m.writeLong(a, v); return null;
            case 5: m.writeF32(a, Float.intBitsToFloat((int) v)); return null;
            case 6: m.writeF64(a, Double.longBitsToDouble(v)); return null;
            case 7: return m.read(a);
            case 8: return m.readShort(a);
            case 9: return m.readU16(a);
            case 10: return m.readInt(a);
            case 11: return m.readLong(a);
            case 12: return Float.floatToRawIntBits(m.readFloat(a)); // NaN payloads kept, compared as bits
            case 13: return Double.doubleToRawLongBits(m.readDouble(a));
            case 14: return m.readF32(a) + " " + m.readF64(a);
            case 15: m.fill((byte) v, a, a + op.c()); return null;
            case 16: m.copy(a, op.b(), op.c()); return null;
            case 17: {
                byte[] data = new byte[Math.max(0, op.c() & 0x3ffff)];
                Arrays.fill(data, (byte) v);
                m.write(a, data, op.b() & 7, Math.max(0, data.length - 8));
                return null;
            }
            case 18: return Arrays.hashCode(m.readBytes(a, op.c() & 0x3ffff));
            case 19: return m.atomicAddInt(a & ~3, (int) v);
            case 20: return m.atomicCmpxchgLong(a & ~7, 0, v);
            case 21: return m.atomicXchgShort(a & ~1, (short) v);
            default: throw new AssertionError(op);
        }
    }

    @Provide
    Arbitrary<List<Op>> programs() {
        Arbitrary<Integer> address = Arbitraries.oneOf(
                Arbitraries.integers().between(-16, 16),
                Arbitraries.integers().between(-12, 12).map(d -> Memory.PAGE_SIZE + d),
                Arbitraries.integers().between(-12, 12).map(d -> 2 * Memory.PAGE_SIZE + d),
                Arbitraries.integers().between(-12, 12).map(d -> 3 * Memory.PAGE_SIZE + d),
                Arbitraries.integers().between(-12, 12).map(d -> MAX * Memory.PAGE_SIZE + d),
                Arbitraries.integers().between(0, MAX * Memory.PAGE_SIZE),
                Arbitraries.integers());
        Arbitrary<Integer> size = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 40),
                Arbitraries.integers().between(0, 3 * Memory.PAGE_SIZE),
                Arbitraries.integers());
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, Op.KINDS - 1), address, address, size,
                Arbitraries.longs()).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    /** A writer whose permit covers the whole address space: the views then only add their fast path. */
    private static WriteCheck everything() {
        Ownership o = new Ownership(List.of(
                new OwnedRegion("all", RegionKind.DATA, "m", 0, (long) MAX * Memory.PAGE_SIZE, Set.of())));
        return new WriteCheck("m", o, new Violations(true), () -> new FunctionLocator.Where("f", null), () -> -1);
    }
}
