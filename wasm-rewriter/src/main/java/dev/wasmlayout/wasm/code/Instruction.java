package dev.wasmlayout.wasm.code;

import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded instruction. {@code offset} is the absolute file offset of the opcode's first byte
 * (-1 for instructions built in code). Immediates live in three arrays laid out as documented on
 * {@link ImmediateKind}; the array accessors return copies, the indexed getters do not allocate.
 * The canonical constructor takes the arrays without copying: do not change them afterwards.
 */
public record Instruction(int offset, Opcode opcode, long[] ints, byte[] bytes, int[] targets) {
    static final long[] NO_INTS = {};
    static final byte[] NO_BYTES = {};
    static final int[] NO_TARGETS = {};

    /** try_table catch clause kinds, as encoded. */
    public static final int CATCH = 0;
    public static final int CATCH_REF = 1;
    public static final int CATCH_ALL = 2;
    public static final int CATCH_ALL_REF = 3;

    public Instruction {
        Objects.requireNonNull(opcode, "opcode");
        ints = ints == null ? NO_INTS : ints;
        bytes = bytes == null ? NO_BYTES : bytes;
        targets = targets == null ? NO_TARGETS : targets;
        ImmediateKind kind = opcode.immediate();
        if (ints.length != kind.intCount()) {
            throw new IllegalArgumentException(opcode.mnemonic() + " takes " + kind.intCount() + " integer immediates, got " + ints.length);
        }
        int wantBytes = kind.byteCount();
        if (wantBytes >= 0 && bytes.length != wantBytes) {
            throw new IllegalArgumentException(opcode.mnemonic() + " takes " + wantBytes + " immediate bytes, got " + bytes.length);
        }
        if (kind == ImmediateKind.TRY_TABLE) {
            if (targets.length != 2 * bytes.length) {
                throw new IllegalArgumentException("try_table needs a tag and a label per catch clause: " + bytes.length
                        + " clauses, " + targets.length + " targets");
            }
            for (byte k : bytes) {
                if (k < CATCH || k > CATCH_ALL_REF) {
                    throw new IllegalArgumentException("try_table catch kind " + k + " is not 0-3");
                }
            }
        } else if (kind != ImmediateKind.LABEL_VECTOR && targets.length != 0) {
            throw new IllegalArgumentException(opcode.mnemonic() + " has no branch targets");
        }
    }

    // ---- factories for instructions built in code (offset -1)

    /** An instruction whose immediates are all numbers (everything but v128, shuffle, select t and br_table). */
    public static Instruction of(Opcode opcode, long... ints) {
        return new Instruction(-1, opcode, ints.clone(), null, null);
    }

    public static Instruction i32Const(int value) {
        return of(Opcode.I32_CONST, value);
    }

    public static Instruction i64Const(long value) {
        return of(Opcode.I64_CONST, value);
    }

    /** A memory access; the memory index is encoded explicitly only when it is not 0. */
    public static Instruction memarg(Opcode opcode, int alignExponent, long offset, long memoryIndex) {
        return of(opcode, alignExponent, offset, memoryIndex, memoryIndex != 0 ? 1 : 0);
    }

    public static Instruction memargLane(Opcode opcode, int alignExponent, long offset, long memoryIndex, int lane) {
        return of(opcode, alignExponent, offset, memoryIndex, memoryIndex != 0 ? 1 : 0, lane);
    }

    public static Instruction brTable(long defaultTarget, int... targets) {
        return new Instruction(-1, Opcode.BR_TABLE, new long[] {defaultTarget}, null, targets.clone());
    }

    /**
     * try_table with its catch clauses: {@code kinds[i]} is the kind of clause i ({@link #CATCH} ...
     * {@link #CATCH_ALL_REF}), {@code tagsAndLabels[2i]} its tag index (ignored for the catch_all
     * kinds, give 0) and {@code tagsAndLabels[2i+1]} its label.
     */
    public static Instruction tryTable(long blockType, byte[] kinds, int... tagsAndLabels) {
        return new Instruction(-1, Opcode.TRY_TABLE, new long[] {blockType}, kinds.clone(), tagsAndLabels.clone());
    }

    /** v128.const or i8x16.shuffle with its 16 immediate bytes. */
    public static Instruction withBytes(Opcode opcode, byte[] sixteen) {
        return new Instruction(-1, opcode, null, sixteen.clone(), null);
    }

    /** Typed select. */
    public static Instruction select(byte... valueTypes) {
        return new Instruction(-1, Opcode.SELECT_TYPED, null, valueTypes.clone(), null);
    }

    public Instruction withOffset(int newOffset) {
        return new Instruction(newOffset, opcode, ints, bytes, targets);
    }

    // ---- raw access

    @Override
    public long[] ints() {
        return ints.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    public long imm(int i) {
        return ints[i];
    }

    public int byteCount() {
        return bytes.length;
    }

    public int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    public int targetCount() {
        return targets.length;
    }

    /** try_table's number of catch clauses. */
    public int catchCount() {
        requireTryTable();
        return bytes.length;
    }

    /** The kind of catch clause i ({@link #CATCH}, {@link #CATCH_REF}, {@link #CATCH_ALL}, {@link #CATCH_ALL_REF}). */
    public int catchKind(int i) {
        requireTryTable();
        return bytes[i];
    }

    /** The tag index of catch clause i (0 for the catch_all kinds). */
    public long catchTag(int i) {
        requireTryTable();
        return Integer.toUnsignedLong(targets[2 * i]);
    }

    /** The label catch clause i branches to. */
    public long catchLabel(int i) {
        requireTryTable();
        return Integer.toUnsignedLong(targets[2 * i + 1]);
    }

    private void requireTryTable() {
        if (opcode.immediate() != ImmediateKind.TRY_TABLE) {
            throw notA("try_table");
        }
    }

    /** A br_table label, as the unsigned u32 it was encoded as. */
    public long target(int i) {
        return Integer.toUnsignedLong(targets[i]);
    }

    // ---- named views of the common immediates

    /** The memory an instruction reads or writes (for memory.copy: the destination). */
    public long memoryIndex() {
        switch (opcode.immediate()) {
            case MEMARG:
            case MEMARG_LANE:
                return ints[2];
            case MEMORY:
            case MEMORY_PAIR:
                return ints[0];
            case DATA_AND_MEMORY:
                return ints[1];
            default:
                throw notA("memory instruction");
        }
    }

    /** memory.copy's source memory. */
    public long sourceMemoryIndex() {
        if (opcode.immediate() != ImmediateKind.MEMORY_PAIR) {
            throw notA("memory.copy");
        }
        return ints[1];
    }

    /** log2 of the alignment hint of a memarg. */
    public int alignExponent() {
        requireMemarg();
        return (int) ints[0];
    }

    /** The static offset of a memarg, an unsigned 64-bit value (memory64 allows more than 32 bits). */
    public long memoryOffset() {
        requireMemarg();
        return ints[1];
    }

    /** True when the memarg carried a memory index (flag bit 6), even an explicit 0. */
    public boolean explicitMemoryIndex() {
        requireMemarg();
        return ints[3] != 0;
    }

    public int lane() {
        switch (opcode.immediate()) {
            case LANE:
                return (int) ints[0];
            case MEMARG_LANE:
                return (int) ints[4];
            default:
                throw notA("lane instruction");
        }
    }

    /** The s33 block type: -64 for none, a negative value type (e.g. -1 for i32) or a type index. */
    public long blockType() {
        if (opcode.immediate() != ImmediateKind.BLOCK_TYPE && opcode.immediate() != ImmediateKind.TRY_TABLE) {
            throw notA("block instruction");
        }
        return ints[0];
    }

    /** The single index or value of LABEL, FUNC, LOCAL, GLOBAL, TABLE, MEMORY, DATA, ELEM, TAG, constant kinds. */
    public long value() {
        if (ints.length != 1 || opcode.immediate() == ImmediateKind.TRY_TABLE) {
            throw notA("single-immediate instruction");
        }
        return ints[0];
    }

    private void requireMemarg() {
        ImmediateKind k = opcode.immediate();
        if (k != ImmediateKind.MEMARG && k != ImmediateKind.MEMARG_LANE) {
            throw notA("memarg instruction");
        }
    }

    private IllegalStateException notA(String what) {
        return new IllegalStateException(opcode.mnemonic() + " is not a " + what);
    }

    /** Same opcode and immediates, whatever the offsets. */
    public boolean sameAs(Instruction o) {
        return opcode == o.opcode && Arrays.equals(ints, o.ints) && Arrays.equals(bytes, o.bytes) && Arrays.equals(targets, o.targets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instruction other && offset == other.offset && sameAs(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, opcode, Arrays.hashCode(ints), Arrays.hashCode(bytes), Arrays.hashCode(targets));
    }

    @Override
    public String toString() {
        String text = InstructionText.format(this);
        return offset < 0 ? text : "@" + offset + " " + text;
    }
}
