package dev.wasmlayout.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.WasmException;
import org.junit.jupiter.api.Test;

/** The spec testsuite's binary.wast cases: memory.init and data.drop need a data count section. */
class DataCountRequiredTest {
    private static final int[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final int[] TYPE_FUNC_MEMORY = {
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
        0x03, 0x02, 0x01, 0x00,             // function section: one function of type 0
        0x05, 0x03, 0x01, 0x00, 0x00,       // memory section: one memory, min 0
    };
    private static final int[] DATA_COUNT_1 = {0x0c, 0x01, 0x01};
    private static final int[] DATA_ONE_PASSIVE = {0x0b, 0x03, 0x01, 0x01, 0x00};
    /** data.drop 0 at byte 28 of the module without a data count section. */
    private static final int[] CODE_DATA_DROP = {0x0a, 0x07, 0x01, 0x05, 0x00, 0xfc, 0x09, 0x00, 0x0b};
    /** memory.init 0 after three i32.const 0, at byte 34 without a data count section. */
    private static final int[] CODE_MEMORY_INIT = {0x0a, 0x0e, 0x01, 0x0c, 0x00,
        0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x08, 0x00, 0x00, 0x0b};

    private static byte[] module(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (int[] p : parts) {
            for (int b : p) {
                out[i++] = (byte) b;
            }
        }
        return out;
    }

    @Test
    void dataDropWithoutDataCountIsMalformed() {
        assertThatThrownBy(() -> ParsedModule.parse(module(HEADER, TYPE_FUNC_MEMORY, CODE_DATA_DROP, DATA_ONE_PASSIVE)))
                .isInstanceOf(WasmException.class)
                .hasMessage("malformed module at byte 28 (0x1c) in code section: data count section required"
                        + " (data.drop in function 0)")
                .extracting(e -> ((WasmException) e).kind()).isEqualTo(WasmException.Kind.MALFORMED);
    }

    @Test
    void memoryInitWithoutDataCountIsMalformed() {
        assertThatThrownBy(() -> ParsedModule.parse(module(HEADER, TYPE_FUNC_MEMORY, CODE_MEMORY_INIT, DATA_ONE_PASSIVE)))
                .isInstanceOf(WasmException.class)
                .hasMessage("malformed module at byte 34 (0x22) in code section: data count section required"
                        + " (memory.init in function 0)");
    }

    @Test
    void theSameCodeReadsWithADataCountSection() {
        assertThat(ParsedModule.parse(module(HEADER, TYPE_FUNC_MEMORY, DATA_COUNT_1, CODE_DATA_DROP, DATA_ONE_PASSIVE))
                .sections.dataCount).isEqualTo(1);
        assertThat(ParsedModule.parse(module(HEADER, TYPE_FUNC_MEMORY, DATA_COUNT_1, CODE_MEMORY_INIT, DATA_ONE_PASSIVE))
                .sections.bodies).hasSize(1);
    }
}
