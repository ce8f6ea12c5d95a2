package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.IntFunction;

/**
 * One instance's view of the shared memory: reads go straight through, every write is first checked
 * against what this module may write. Being per instance, it also keeps the module's own data
 * segments, so memory.init and data.drop never see another module's segments (trap 6).
 *
 * <p>Scalar loads and stores work on the shared memory's pages here, not through a call to it. The
 * compiler engine turns a wasm function into one Java method, and C2's inlining budget for one
 * compiled method is limited: a call level more per memory access made later accesses real calls,
 * and the watched run cost 1.4x the unwatched one instead of about 1.2x (benchmarks/README.md). What
 * the fast path leaves (an access across a page end, out of bounds, a page not grown yet: the page
 * lookup throws) goes to the shared memory, which does it byte by byte or traps.
 */
@SuppressWarnings("removal")
final class GuardedMemory implements Memory {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SHIFT = SharedMemory.PAGE_SHIFT;
    private static final int MASK = SharedMemory.PAGE_MASK;

    private final SharedMemory shared;
    private final byte[][] pages;
    private final WriteCheck check;
    private final IntFunction<String> segmentName;
    private DataSegment[] segments = new DataSegment[0];
    /**
     * One range this module may write, [lo, lo + span), tested inline on every store with a single
     * compare: {@code address - lo} taken unsigned is below {@code span - size + 1}. Both sides are
     * kept shifted by {@code Integer.MIN_VALUE}, which turns that unsigned compare into a signed one:
     * {@code address - base < limitN}. A limit of MIN_VALUE (no range, or one narrower than the
     * store) lets nothing through. It starts as the widest range of the permit; a store outside it
     * goes to {@link #missed}, which finds the permitted range that holds it and tests that one
     * inline from then on (or, when none holds all of it, lets the whole permit judge it): a module
     * writes a few ranges (stack and data, its heap, a shared ring) and stores come in runs into one
     * of them. (A second inline
     * range cost more than it saved: its test stays in every compiled store, where C2 prunes an
     * untaken branch.) The test does not look at the memory's size: a permitted range may lie past
     * the current end (a heap not grown into yet), and then the shared memory itself traps, with its
     * own message, exactly as it would have after the full check.
     */
    private int base;
    private int limit1;
    private int limit2;
    private int limit4;
    private int limit8;

    GuardedMemory(SharedMemory shared, WriteCheck check, IntFunction<String> segmentName) {
        this.shared = shared;
        this.pages = shared.pages;
        this.check = check;
        this.segmentName = segmentName;
        long[][] widest = check.fastRanges(1);
        testInline(widest.length == 0 ? 0 : widest[0][0], widest.length == 0 ? 0 : widest[0][1]);
    }

    /** Makes [start, end) the range tested inline; addresses are below 2 GiB (RUNTIME_MAX_PAGES), so it is clipped there. */
    private void testInline(long start, long end) {
        long lo = Math.max(0, Math.min(start, Integer.MAX_VALUE));
        long span = Math.max(0, Math.min(end, Integer.MAX_VALUE) - lo);
        base = (int) lo + Integer.MIN_VALUE;
        limit1 = limit(span, 1);
        limit2 = limit(span, 2);
        limit4 = limit(span, 4);
        limit8 = limit(span, 8);
    }

    /** How many start addresses a store of {@code size} bytes has inside a range of {@code span}, shifted. */
    private static int limit(long span, int size) {
        return (int) Math.max(0, span - size + 1) + Integer.MIN_VALUE;
    }

    /**
     * A store outside the inline range. When one permitted range holds all of it, that range is the
     * one tested inline from now on (the store is allowed); otherwise the whole permit judges it.
     */
    private void missed(int addr, int size) {
        long at = Integer.toUnsignedLong(addr);
        long[] r = check.rangeAt(at);
        if (r != null && at + size <= r[1]) {
            testInline(r[0], r[1]);
        } else {
            guard(addr, size);
        }
    }

    /**
     * Checks a write of {@code size} bytes against the whole permit (it may still allow it, or report
     * it); out-of-bounds writes are left to the memory, which traps. Kept out of the store methods so
     * that they stay small: C2 turns this call into an uncommon trap while no store has needed it.
     */
    private void guard(int address, long size) {
        if (size > 0 && address >= 0 && (long) address + size <= (long) shared.pages() * PAGE_SIZE) {
            check.check(address, size, null);
        }
    }

    // ---- data segments: this module's own ----

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        // the instance's own array, not a copy: Chicory's data.drop empties the instance's entry
        DataSegment[] own = dataSegments == null ? new DataSegment[0] : dataSegments;
        long limit = (long) shared.pages() * PAGE_SIZE;
        for (int i = 0; i < own.length; i++) {
            if (!(own[i] instanceof ActiveDataSegment)) {
                continue;
            }
            ActiveDataSegment s = (ActiveDataSegment) own[i];
            if (s.index() != memoryIndex) {
                continue;
            }
            int offset = (int) ConstantEvaluators.computeConstantValue(instance, s.offsetInstructions())[0];
            byte[] data = s.data();
            long at = Integer.toUnsignedLong(offset);
            if (at + data.length > limit) {
                throw new UninstantiableException("out of bounds memory access: data segment " + i + " at " + at
                        + " (" + data.length + " bytes) ends past the memory (" + limit + " bytes)");
            }
            if (data.length > 0) {
                check.check(at, data.length, segmentName.apply(i));
            }
            shared.write(offset, data, 0, data.length);
            own[i] = PassiveDataSegment.EMPTY; // an active segment is dropped once applied
        }
        this.segments = own;
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        byte[] data = segments[segmentId].data();
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            shared.write(dest, data, offset, size); // traps with Chicory's own message
            return;
        }
        guard(dest, size);
        shared.write(dest, data, offset, size);
    }

    @Override
    public void drop(int segment) {
        segments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- checked writes ----

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        guard(addr, size);
        shared.write(addr, data, offset, size);
    }

    @Override
    public void writeI32(int addr, int data) {
        if (addr - base >= limit4) {
            missed(addr, 4);
        }
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            try {
                INTS.set(pages[addr >>> SHIFT], at, data);
                return;
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        shared.writeI32(addr, data);
    }

    @Override
    public void writeLong(int addr, long data) {
        if (addr - base >= limit8) {
            missed(addr, 8);
        }
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            try {
                LONGS.set(pages[addr >>> SHIFT], at, data);
                return;
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        shared.writeLong(addr, data);
    }

    @Override
    public void writeShort(int addr, short data) {
        if (addr - base >= limit2) {
            missed(addr, 2);
        }
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 2) {
            try {
                SHORTS.set(pages[addr >>> SHIFT], at, data);
                return;
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        shared.writeShort(addr, data);
    }

    @Override
    public void writeByte(int addr, byte data) {
        if (addr - base >= limit1) {
            missed(addr, 1);
        }
        try {
            pages[addr >>> SHIFT][addr & MASK] = data;
            return;
        } catch (RuntimeException outside) {
            // out of bounds or not grown yet: the shared memory traps below
        }
        shared.writeByte(addr, data);
    }

    @Override
    public void writeF32(int addr, float data) {
        if (addr - base >= limit4) {
            missed(addr, 4);
        }
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            try {
                INTS.set(pages[addr >>> SHIFT], at, Float.floatToRawIntBits(data));
                return;
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        shared.writeF32(addr, data);
    }

    @Override
    public void writeF64(int addr, double data) {
        if (addr - base >= limit8) {
            missed(addr, 8);
        }
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            try {
                LONGS.set(pages[addr >>> SHIFT], at, Double.doubleToRawLongBits(data));
                return;
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        shared.writeF64(addr, data);
    }

    @Override
    public void zero() {
        guard(0, (long) shared.pages() * PAGE_SIZE);
        shared.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        guard(fromIndex, (long) toIndex - fromIndex);
        shared.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        guard(dest, size);
        shared.copy(dest, src, size);
    }

    // ---- atomic writes ----

    @Override
    public void atomicWriteInt(int addr, int value) {
        guard(addr, 4);
        shared.atomicWriteInt(addr, value);
    }

    @Override
    public void atomicWriteLong(int addr, long value) {
        guard(addr, 8);
        shared.atomicWriteLong(addr, value);
    }

    @Override
    public void atomicWriteShort(int addr, short value) {
        guard(addr, 2);
        shared.atomicWriteShort(addr, value);
    }

    @Override
    public void atomicWriteByte(int addr, byte value) {
        guard(addr, 1);
        shared.atomicWriteByte(addr, value);
    }

    @Override
    public int atomicAddInt(int addr, int delta) {
        guard(addr, 4);
        return shared.atomicAddInt(addr, delta);
    }

    @Override
    public int atomicAndInt(int addr, int mask) {
        guard(addr, 4);
        return shared.atomicAndInt(addr, mask);
    }

    @Override
    public int atomicOrInt(int addr, int mask) {
        guard(addr, 4);
        return shared.atomicOrInt(addr, mask);
    }

    @Override
    public int atomicXorInt(int addr, int mask) {
        guard(addr, 4);
        return shared.atomicXorInt(addr, mask);
    }

    @Override
    public int atomicXchgInt(int addr, int value) {
        guard(addr, 4);
        return shared.atomicXchgInt(addr, value);
    }

    @Override
    public int atomicCmpxchgInt(int addr, int expected, int replacement) {
        guard(addr, 4);
        return shared.atomicCmpxchgInt(addr, expected, replacement);
    }

    @Override
    public long atomicAddLong(int addr, long delta) {
        guard(addr, 8);
        return shared.atomicAddLong(addr, delta);
    }

    @Override
    public long atomicAndLong(int addr, long mask) {
        guard(addr, 8);
        return shared.atomicAndLong(addr, mask);
    }

    @Override
    public long atomicOrLong(int addr, long mask) {
        guard(addr, 8);
        return shared.atomicOrLong(addr, mask);
    }

    @Override
    public long atomicXorLong(int addr, long mask) {
        guard(addr, 8);
        return shared.atomicXorLong(addr, mask);
    }

    @Override
    public long atomicXchgLong(int addr, long value) {
        guard(addr, 8);
        return shared.atomicXchgLong(addr, value);
    }

    @Override
    public long atomicCmpxchgLong(int addr, long expected, long replacement) {
        guard(addr, 8);
        return shared.atomicCmpxchgLong(addr, expected, replacement);
    }

    @Override
    public short atomicAddShort(int addr, short delta) {
        guard(addr, 2);
        return shared.atomicAddShort(addr, delta);
    }

    @Override
    public short atomicAndShort(int addr, short mask) {
        guard(addr, 2);
        return shared.atomicAndShort(addr, mask);
    }

    @Override
    public short atomicOrShort(int addr, short mask) {
        guard(addr, 2);
        return shared.atomicOrShort(addr, mask);
    }

    @Override
    public short atomicXorShort(int addr, short mask) {
        guard(addr, 2);
        return shared.atomicXorShort(addr, mask);
    }

    @Override
    public short atomicXchgShort(int addr, short value) {
        guard(addr, 2);
        return shared.atomicXchgShort(addr, value);
    }

    @Override
    public short atomicCmpxchgShort(int addr, short expected, short replacement) {
        guard(addr, 2);
        return shared.atomicCmpxchgShort(addr, expected, replacement);
    }

    @Override
    public byte atomicAddByte(int addr, byte delta) {
        guard(addr, 1);
        return shared.atomicAddByte(addr, delta);
    }

    @Override
    public byte atomicAndByte(int addr, byte mask) {
        guard(addr, 1);
        return shared.atomicAndByte(addr, mask);
    }

    @Override
    public byte atomicOrByte(int addr, byte mask) {
        guard(addr, 1);
        return shared.atomicOrByte(addr, mask);
    }

    @Override
    public byte atomicXorByte(int addr, byte mask) {
        guard(addr, 1);
        return shared.atomicXorByte(addr, mask);
    }

    @Override
    public byte atomicXchgByte(int addr, byte value) {
        guard(addr, 1);
        return shared.atomicXchgByte(addr, value);
    }

    @Override
    public byte atomicCmpxchgByte(int addr, byte expected, byte replacement) {
        guard(addr, 1);
        return shared.atomicCmpxchgByte(addr, expected, replacement);
    }

    // ---- everything else goes straight to the shared memory ----

    @Override
    public int pages() {
        return shared.pages();
    }

    @Override
    public int grow(int size) {
        return shared.grow(size);
    }

    @Override
    public int initialPages() {
        return shared.initialPages();
    }

    @Override
    public int maximumPages() {
        return shared.maximumPages();
    }

    @Override
    public boolean shared() {
        return shared.shared();
    }

    @Override
    public Object lock(int address) {
        return shared.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return shared.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return shared.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int maxThreads) {
        return shared.notify(address, maxThreads);
    }

    @Override
    public void atomicFence() {
        shared.atomicFence();
    }

    @Override
    public int atomicWait(int addr, int expected, long timeout) {
        return shared.atomicWait(addr, expected, timeout);
    }

    @Override
    public int atomicWait(int addr, long expected, long timeout) {
        return shared.atomicWait(addr, expected, timeout);
    }

    @Override
    public int atomicNotify(int addr, int maxThreads) {
        return shared.atomicNotify(addr, maxThreads);
    }

    @Override
    public int atomicReadInt(int addr) {
        return shared.atomicReadInt(addr);
    }

    @Override
    public long atomicReadLong(int addr) {
        return shared.atomicReadLong(addr);
    }

    @Override
    public short atomicReadShort(int addr) {
        return shared.atomicReadShort(addr);
    }

    @Override
    public byte atomicReadByte(int addr) {
        return shared.atomicReadByte(addr);
    }

    @Override
    public byte read(int addr) {
        try {
            return pages[addr >>> SHIFT][addr & MASK];
        } catch (RuntimeException outside) {
            return shared.read(addr); // out of bounds or not grown yet: traps
        }
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        return shared.readBytes(addr, len);
    }

    @Override
    public int readInt(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            try {
                return (int) INTS.get(pages[addr >>> SHIFT], at);
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        return shared.readInt(addr);
    }

    @Override
    public long readLong(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            try {
                return (long) LONGS.get(pages[addr >>> SHIFT], at);
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        return shared.readLong(addr);
    }

    @Override
    public short readShort(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 2) {
            try {
                return (short) SHORTS.get(pages[addr >>> SHIFT], at);
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        return shared.readShort(addr);
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 4) {
            try {
                return Float.intBitsToFloat((int) INTS.get(pages[addr >>> SHIFT], at));
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        return shared.readFloat(addr);
    }

    @Override
    public double readDouble(int addr) {
        int at = addr & MASK;
        if (at <= PAGE_SIZE - 8) {
            try {
                return Double.longBitsToDouble((long) LONGS.get(pages[addr >>> SHIFT], at));
            } catch (RuntimeException outside) {
                // out of bounds or not grown yet: the shared memory traps below
            }
        }
        return shared.readDouble(addr);
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }
}
