package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.DataSegment;
import java.util.Arrays;

/**
 * The one linear memory of a linked set, kept as 64 KiB pages. It is ours rather than Chicory's
 * {@code ByteArrayMemory} for one reason: the page table is visible to the per-instance views in this
 * package, so a {@link GuardedMemory} loads and stores on the pages itself instead of calling into
 * another memory. In Chicory's compiled code that saved call level is what keeps a watched run near
 * an unwatched one (see GuardedMemory). Here every access takes the plain, bounds-checked path: the
 * views use it only for what their fast path leaves (an access across a page end, or a trap) and the
 * host for its loads and dumps.
 *
 * <p>Not shared between threads (the validator plans no shared memory): the atomic operations are
 * {@link Memory}'s defaults, a read and a write under {@link #lock}.
 */
final class SharedMemory implements Memory {
    static final int PAGE_SHIFT = 16;
    static final int PAGE_MASK = PAGE_SIZE - 1;

    /** Slot i holds page i once the memory has grown that far; a page is never replaced, so views keep the table. */
    final byte[][] pages;
    private final int initialPages;
    private final int maximumPages;
    private int count;

    /** A maximum past what a JVM array holds is clipped to {@link #RUNTIME_MAX_PAGES}, as Chicory's memory does. */
    SharedMemory(int initialPages, int maximumPages) {
        if (initialPages < 0 || initialPages > Math.min(maximumPages, RUNTIME_MAX_PAGES)) {
            throw new IllegalArgumentException("memory limits " + initialPages + ".." + maximumPages + " pages");
        }
        this.initialPages = initialPages;
        this.maximumPages = Math.min(maximumPages, RUNTIME_MAX_PAGES);
        this.pages = new byte[this.maximumPages][];
        for (int i = 0; i < initialPages; i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        this.count = initialPages;
    }

    @Override
    public int pages() {
        return count;
    }

    @Override
    public int grow(int delta) {
        int before = count;
        long after = (long) before + delta;
        if (delta < 0 || after > maximumPages) {
            return -1;
        }
        for (int i = before; i < after; i++) {
            pages[i] = new byte[PAGE_SIZE];
        }
        count = (int) after;
        return before;
    }

    @Override
    public int initialPages() {
        return initialPages;
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0; // nobody can wait on an unshared memory
    }

    /** Instances see the memory through their views, which keep their own segments: nothing lands here. */
    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        throw new UnsupportedOperationException("data segments are applied by each instance's view");
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        throw new UnsupportedOperationException("data segments are applied by each instance's view");
    }

    @Override
    public void drop(int segment) {
        throw new UnsupportedOperationException("data segments are applied by each instance's view");
    }

    // ---- bounds ----

    private long size() {
        return (long) count * PAGE_SIZE;
    }

    /** Traps unless [address, address + size) lies inside the memory; the address is unsigned, as in wasm. */
    private void checkBounds(int address, long size) {
        long at = Integer.toUnsignedLong(address);
        if (size < 0 || at + size > size()) {
            throw outOfBounds(address, size);
        }
    }

    WasmRuntimeException outOfBounds(int address, long size) {
        return new WasmRuntimeException("out of bounds memory access: " + size + " bytes at address "
                + Integer.toUnsignedLong(address) + " in a memory of " + size() + " bytes");
    }

    // ---- scalars: little-endian, byte by byte, across page ends ----

    /** The {@code size}-byte little-endian value at {@code address}. */
    long load(int address, int size) {
        checkBounds(address, size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            int a = address + i;
            value = value << 8 | (pages[a >>> PAGE_SHIFT][a & PAGE_MASK] & 0xFF);
        }
        return value;
    }

    /** Stores the low {@code size} bytes of {@code value} at {@code address}, little-endian. */
    void store(int address, int size, long value) {
        checkBounds(address, size);
        for (int i = 0; i < size; i++) {
            int a = address + i;
            pages[a >>> PAGE_SHIFT][a & PAGE_MASK] = (byte) (value >>> (8 * i));
        }
    }

    @Override
    public byte read(int addr) {
        return (byte) load(addr, 1);
    }

    @Override
    public short readShort(int addr) {
        return (short) load(addr, 2);
    }

    @Override
    public long readU16(int addr) {
        return load(addr, 2);
    }

    @Override
    public int readInt(int addr) {
        return (int) load(addr, 4);
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        return Float.intBitsToFloat(readInt(addr));
    }

    @Override
    public long readLong(int addr) {
        return load(addr, 8);
    }

    @Override
    public long readF64(int addr) {
        return load(addr, 8);
    }

    @Override
    public double readDouble(int addr) {
        return Double.longBitsToDouble(load(addr, 8));
    }

    @Override
    public void writeByte(int addr, byte data) {
        store(addr, 1, data);
    }

    @Override
    public void writeShort(int addr, short data) {
        store(addr, 2, data);
    }

    @Override
    public void writeI32(int addr, int data) {
        store(addr, 4, data);
    }

    @Override
    public void writeF32(int addr, float data) {
        store(addr, 4, Float.floatToRawIntBits(data));
    }

    @Override
    public void writeLong(int addr, long data) {
        store(addr, 8, data);
    }

    @Override
    public void writeF64(int addr, double data) {
        store(addr, 8, Double.doubleToRawLongBits(data));
    }

    // ---- runs of bytes: one page at a time ----

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException("out of bounds memory access: " + size + " bytes at offset " + offset
                    + " of " + data.length);
        }
        checkBounds(addr, size);
        int a = addr;
        int from = offset;
        int left = size;
        while (left > 0) {
            int chunk = Math.min(left, PAGE_SIZE - (a & PAGE_MASK));
            System.arraycopy(data, from, pages[a >>> PAGE_SHIFT], a & PAGE_MASK, chunk);
            a += chunk;
            from += chunk;
            left -= chunk;
        }
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        checkBounds(addr, len);
        byte[] out = new byte[len];
        int a = addr;
        int to = 0;
        while (to < len) {
            int chunk = Math.min(len - to, PAGE_SIZE - (a & PAGE_MASK));
            System.arraycopy(pages[a >>> PAGE_SHIFT], a & PAGE_MASK, out, to, chunk);
            a += chunk;
            to += chunk;
        }
        return out;
    }

    @Override
    public void zero() {
        for (int i = 0; i < count; i++) {
            Arrays.fill(pages[i], (byte) 0);
        }
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        checkBounds(fromIndex, (long) toIndex - fromIndex);
        int a = fromIndex;
        while (a != toIndex) {
            int chunk = Math.min(toIndex - a, PAGE_SIZE - (a & PAGE_MASK));
            byte[] page = pages[a >>> PAGE_SHIFT];
            Arrays.fill(page, a & PAGE_MASK, (a & PAGE_MASK) + chunk, value);
            a += chunk;
        }
    }

    /** memory.copy: overlapping ranges behave as if the source were copied out first (memmove). */
    @Override
    public void copy(int dest, int src, int size) {
        checkBounds(dest, size);
        checkBounds(src, size);
        if (dest > src && dest - src < size) {
            copyBackward(dest, src, size);
        } else {
            copyForward(dest, src, size);
        }
    }

    private void copyForward(int dest, int src, int size) {
        int d = dest;
        int s = src;
        int left = size;
        while (left > 0) {
            int chunk = Math.min(left, PAGE_SIZE - Math.max(d & PAGE_MASK, s & PAGE_MASK));
            System.arraycopy(pages[s >>> PAGE_SHIFT], s & PAGE_MASK, pages[d >>> PAGE_SHIFT], d & PAGE_MASK, chunk);
            d += chunk;
            s += chunk;
            left -= chunk;
        }
    }

    /** From the end down, so that an overlapping source is read before it is overwritten. */
    private void copyBackward(int dest, int src, int size) {
        int d = dest + size; // one past the last byte still to copy
        int s = src + size;
        int left = size;
        while (left > 0) {
            // bytes available below d and s inside their pages (a page start counts as a whole page)
            int inD = (d & PAGE_MASK) == 0 ? PAGE_SIZE : d & PAGE_MASK;
            int inS = (s & PAGE_MASK) == 0 ? PAGE_SIZE : s & PAGE_MASK;
            int chunk = Math.min(left, Math.min(inD, inS));
            d -= chunk;
            s -= chunk;
            System.arraycopy(pages[s >>> PAGE_SHIFT], s & PAGE_MASK, pages[d >>> PAGE_SHIFT], d & PAGE_MASK, chunk);
            left -= chunk;
        }
    }
}
