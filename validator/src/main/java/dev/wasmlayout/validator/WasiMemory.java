package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;

/**
 * Memory 0 of a fused run: what Chicory's WASI functions see as {@code instance.memory()}. It
 * forwards everything to the guarded view of the module whose function made the WASI call (set
 * around each call), so what WASI writes is checked against that module's regions; outside a WASI
 * call it is the view of the glue that belongs to no module, which may write nowhere.
 */
@SuppressWarnings("removal") // Chicory's atomics methods: forwarded like every other
final class WasiMemory implements Memory {
    private final Memory idle;
    private Memory current;

    WasiMemory(Memory idle) {
        this.idle = idle;
        this.current = idle;
    }

    /** Makes {@code view} the memory WASI uses (null: the idle view again); returns the previous one. */
    Memory use(Memory view) {
        Memory previous = current;
        current = view == null ? idle : view;
        return previous;
    }

    @Override
    public int pages() {
        return current.pages();
    }

    @Override
    public int grow(int size) {
        return current.grow(size);
    }

    @Override
    public int initialPages() {
        return current.initialPages();
    }

    @Override
    public int maximumPages() {
        return current.maximumPages();
    }

    @Override
    public boolean shared() {
        return current.shared();
    }

    @Override
    public Object lock(int address) {
        return current.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return current.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return current.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int maxThreads) {
        return current.notify(address, maxThreads);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        current.initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        current.initialize(instance, dataSegments, memoryIndex);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        current.initPassiveSegment(segmentId, dest, offset, size);
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        current.write(addr, data, offset, size);
    }

    @Override
    public byte read(int addr) {
        return current.read(addr);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        return current.readBytes(addr, len);
    }

    @Override
    public void writeI32(int addr, int data) {
        current.writeI32(addr, data);
    }

    @Override
    public int readInt(int addr) {
        return current.readInt(addr);
    }

    @Override
    public void writeLong(int addr, long data) {
        current.writeLong(addr, data);
    }

    @Override
    public long readLong(int addr) {
        return current.readLong(addr);
    }

    @Override
    public void writeShort(int addr, short data) {
        current.writeShort(addr, data);
    }

    @Override
    public short readShort(int addr) {
        return current.readShort(addr);
    }

    @Override
    public long readU16(int addr) {
        return current.readU16(addr);
    }

    @Override
    public void writeByte(int addr, byte data) {
        current.writeByte(addr, data);
    }

    @Override
    public void writeF32(int addr, float data) {
        current.writeF32(addr, data);
    }

    @Override
    public long readF32(int addr) {
        return current.readF32(addr);
    }

    @Override
    public float readFloat(int addr) {
        return current.readFloat(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        current.writeF64(addr, data);
    }

    @Override
    public double readDouble(int addr) {
        return current.readDouble(addr);
    }

    @Override
    public long readF64(int addr) {
        return current.readF64(addr);
    }

    @Override
    public void zero() {
        current.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        current.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        current.copy(dest, src, size);
    }

    @Override
    public void drop(int segment) {
        current.drop(segment);
    }
}
