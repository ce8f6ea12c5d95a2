package dev.wasmlayout.wasm;

/** Section ids and the order the binary format requires for the non-custom ones. */
public final class SectionIds {
    public static final int CUSTOM = 0;
    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int TABLE = 4;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int START = 8;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;
    public static final int TAG = 13;

    private static final String[] NAMES = {
        "custom", "type", "import", "function", "table", "memory", "global", "export", "start",
        "element", "code", "data", "data count", "tag"
    };

    private SectionIds() {
    }

    public static String name(int id) {
        return id >= 0 && id < NAMES.length ? NAMES[id] : "unknown section " + id;
    }

    /** Position in the required order; data count sits between element and code. */
    public static int orderRank(int id) {
        switch (id) {
            case TYPE: return 1;
            case IMPORT: return 2;
            case FUNCTION: return 3;
            case TABLE: return 4;
            case MEMORY: return 5;
            case TAG: return 6;
            case GLOBAL: return 7;
            case EXPORT: return 8;
            case START: return 9;
            case ELEMENT: return 10;
            case DATA_COUNT: return 11;
            case CODE: return 12;
            case DATA: return 13;
            default: return -1;
        }
    }
}
