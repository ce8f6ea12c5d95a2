package dev.wasmlayout.wasm.code;

/**
 * The shape of an opcode's immediates, and how {@link Instruction} stores them: {@code ints} holds
 * the numbers in the order documented on each constant, {@code bytes} the raw byte immediates,
 * {@code targets} the br_table labels. Indices are u32 values kept in a long.
 */
public enum ImmediateKind {
    NONE(0),
    /** ints: block type as s33: -64 (byte 0x40) for none, a negative value type, or a type index (multi-value). */
    BLOCK_TYPE(1),
    /** ints: label index. */
    LABEL(1),
    /** ints: default label; targets: the label vector. */
    LABEL_VECTOR(1),
    /** ints: function index. */
    FUNC(1),
    /** ints: type index, table index. */
    TYPE_AND_TABLE(2),
    /** ints: local index. */
    LOCAL(1),
    /** ints: global index. */
    GLOBAL(1),
    /** ints: table index. */
    TABLE(1),
    /** ints: alignment exponent, offset (u64), memory index, 1 if the memory index was encoded (flag bit 6). */
    MEMARG(4),
    /** ints: as {@link #MEMARG}, then the lane index. */
    MEMARG_LANE(5),
    /** ints: memory index (memory.size, memory.grow, memory.fill). */
    MEMORY(1),
    /** ints: the value, sign-extended. */
    I32(1),
    /** ints: the value. */
    I64(1),
    /** ints: the IEEE bits, zero-extended; bits rather than a float so NaN payloads survive. */
    F32(1),
    /** ints: the IEEE bits. */
    F64(1),
    /** bytes: the 16 bytes of the constant, little-endian as encoded. */
    V128(0),
    /** bytes: the 16 lane indices. */
    SHUFFLE(0),
    /** ints: lane index. */
    LANE(1),
    /** bytes: the value type codes of a typed select. */
    SELECT_TYPES(0),
    /** ints: the heap type byte (0x70 func, 0x6f extern). */
    HEAP_TYPE(1),
    /** ints: data index, memory index. */
    DATA_AND_MEMORY(2),
    /** ints: data index. */
    DATA(1),
    /** ints: destination memory index, source memory index. */
    MEMORY_PAIR(2),
    /** ints: element index, table index (the encoding order). */
    ELEM_AND_TABLE(2),
    /** ints: element index. */
    ELEM(1),
    /** ints: destination table index, source table index. */
    TABLE_PAIR(2),
    /** A reserved zero byte (atomic.fence); nothing stored. */
    ZERO_BYTE(0),
    /** ints: tag index (throw, catch). */
    TAG(1),
    /**
     * try_table: ints: the block type as in {@link #BLOCK_TYPE}; bytes: the kind of every catch clause
     * (0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref); targets: two entries per clause, the tag
     * index (0 for the catch_all kinds, which have none) and the label.
     */
    TRY_TABLE(1);

    private final int intCount;

    ImmediateKind(int intCount) {
        this.intCount = intCount;
    }

    /** How many entries {@link Instruction#ints()} has for this kind. */
    public int intCount() {
        return intCount;
    }

    /** Length of {@link Instruction#bytes()}: 16 for v128 and shuffles, -1 for any (select types, try_table), else 0. */
    public int byteCount() {
        switch (this) {
            case V128:
            case SHUFFLE:
                return 16;
            case SELECT_TYPES:
            case TRY_TABLE:
                return -1;
            default:
                return 0;
        }
    }
}
