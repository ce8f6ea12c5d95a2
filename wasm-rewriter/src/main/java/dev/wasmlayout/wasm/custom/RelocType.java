package dev.wasmlayout.wasm.custom;

/** Relocation types of {@code reloc.*} sections, numbered as in the tool conventions. */
public enum RelocType {
    FUNCTION_INDEX_LEB(0, Site.LEB5, false),
    TABLE_INDEX_SLEB(1, Site.SLEB5, false),
    TABLE_INDEX_I32(2, Site.I32, false),
    MEMORY_ADDR_LEB(3, Site.LEB5, true),
    MEMORY_ADDR_SLEB(4, Site.SLEB5, true),
    MEMORY_ADDR_I32(5, Site.I32, true),
    TYPE_INDEX_LEB(6, Site.LEB5, false),
    GLOBAL_INDEX_LEB(7, Site.LEB5, false),
    FUNCTION_OFFSET_I32(8, Site.I32, true),
    SECTION_OFFSET_I32(9, Site.I32, true),
    TAG_INDEX_LEB(10, Site.LEB5, false),
    MEMORY_ADDR_REL_SLEB(11, Site.SLEB5, true),
    TABLE_INDEX_REL_SLEB(12, Site.SLEB5, false),
    GLOBAL_INDEX_I32(13, Site.I32, false),
    MEMORY_ADDR_LEB64(14, Site.LEB10, true),
    MEMORY_ADDR_SLEB64(15, Site.SLEB10, true),
    MEMORY_ADDR_I64(16, Site.I64, true),
    MEMORY_ADDR_REL_SLEB64(17, Site.SLEB10, true),
    TABLE_INDEX_SLEB64(18, Site.SLEB10, false),
    TABLE_INDEX_I64(19, Site.I64, false),
    TABLE_NUMBER_LEB(20, Site.LEB5, false),
    MEMORY_ADDR_TLS_SLEB(21, Site.SLEB5, true),
    FUNCTION_OFFSET_I64(22, Site.I64, true),
    MEMORY_ADDR_LOCREL_I32(23, Site.I32, true),
    TABLE_INDEX_REL_SLEB64(24, Site.SLEB10, false),
    MEMORY_ADDR_TLS_SLEB64(25, Site.SLEB10, true),
    FUNCTION_INDEX_I32(26, Site.I32, false);

    /** How the value is stored at the relocation offset. */
    public enum Site {
        LEB5(5), SLEB5(5), I32(4), LEB10(10), SLEB10(10), I64(8);

        public final int width;

        Site(int width) {
            this.width = width;
        }
    }

    private static final RelocType[] BY_CODE = new RelocType[27];

    static {
        for (RelocType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public final int code;
    public final Site site;
    public final boolean hasAddend;

    RelocType(int code, Site site, boolean hasAddend) {
        this.code = code;
        this.site = site;
        this.hasAddend = hasAddend;
    }

    public static RelocType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** An absolute memory address that moves when the module's data moves. */
    public boolean isAbsoluteMemoryAddress() {
        switch (this) {
            case MEMORY_ADDR_LEB: case MEMORY_ADDR_SLEB: case MEMORY_ADDR_I32:
            case MEMORY_ADDR_LEB64: case MEMORY_ADDR_SLEB64: case MEMORY_ADDR_I64:
                return true;
            default:
                return false;
        }
    }
}
