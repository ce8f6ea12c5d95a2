package dev.wasmlayout.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every kind of bad input gives a typed error with the byte offset and the section. */
class ModuleReadErrorsTest {
    private static byte[] module(int... sectionBytes) {
        ByteWriter w = new ByteWriter().bytes(WasmModule.MAGIC).u32le(1);
        for (int b : sectionBytes) {
            w.u8(b);
        }
        return w.toByteArray();
    }

    private static WasmException fail(byte[] bytes) {
        try {
            ParsedModule.parse(bytes);
        } catch (WasmException e) {
            return e;
        }
        throw new AssertionError("expected a WasmException");
    }

    @Test
    void emptyModuleReads() {
        assertThat(ParsedModule.parse(module()).sections.functionCount()).isZero();
    }

    @Test
    void badMagicAndTruncatedHeader() {
        assertThat(fail(new byte[] {1, 2}).getMessage()).isEqualTo(
                "malformed module at byte 0 (0x0): file is 2 bytes, too short for the wasm magic number");
        assertThat(fail(new byte[] {0x7f, 'E', 'L', 'F', 1, 0, 0, 0}).getMessage()).contains("bad magic number");
        assertThat(fail(new byte[] {0, 'a', 's', 'm', 1}).getMessage()).isEqualTo(
                "malformed module at byte 4 (0x4): unexpected end: version needs 4 bytes, 1 remain");
        assertThat(fail(new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0}).kind()).isEqualTo(WasmException.Kind.UNSUPPORTED);
    }

    @Test
    void sectionSizeBeyondTheFile() {
        WasmException e = fail(module(1, 0x20, 0));
        assertThat(e.kind()).isEqualTo(WasmException.Kind.MALFORMED);
        assertThat(e.getMessage()).isEqualTo(
                "malformed module at byte 9 (0x9) in type section: section size 32 is larger than the 1 bytes that follow");
    }

    @Test
    void sectionsOutOfOrderOrRepeated() {
        // memory (5) then type (1)
        WasmException e = fail(module(5, 1, 0, 1, 1, 0));
        assertThat(e.getMessage()).isEqualTo(
                "malformed module at byte 11 (0xb) in type section: section out of order: type after memory");
        WasmException twice = fail(module(1, 1, 0, 1, 1, 0));
        assertThat(twice.getMessage()).isEqualTo("malformed module at byte 11 (0xb) in type section: section appears twice");
        assertThat(fail(module(14, 0)).getMessage()).contains("unknown section id 14");
    }

    @Test
    void declaredCountLargerThanTheBytes() {
        // type section declaring 0x7fffffff types in 5 bytes
        WasmException e = fail(module(1, 5, 0xff, 0xff, 0xff, 0xff, 0x07));
        assertThat(e.getMessage()).isEqualTo(
                "malformed module at byte 15 (0xf) in type section: type count 2147483647 is larger than the 0 bytes that follow");
    }

    @Test
    void overlongLebInASectionSize() {
        WasmException e = fail(module(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00));
        assertThat(e.getMessage()).isEqualTo(
                "malformed module at byte 9 (0x9): integer representation too long (u32 LEB128 over 5 bytes)");
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        // type: one () -> (); function: two functions; code: none
        WasmException e = fail(module(1, 4, 1, 0x60, 0, 0, 3, 3, 2, 0, 0));
        assertThat(e.getMessage()).contains("function and code section have inconsistent lengths: 2 functions declared, 0 bodies");
    }

    @Test
    void customSectionNameMustBeUtf8() {
        WasmException e = fail(module(0, 3, 2, 0xc3, 0x28));
        assertThat(e.getMessage()).isEqualTo(
                "malformed module at byte 10 (0xa) in custom section: custom section name is not valid UTF-8");
    }

    // ---- exception handling: tag section, tag imports and exports

    /** type (i32) -> (); import env.e tag; tag section with one tag; export "t" of tag 1. */
    private static final int[] TAGS = {
        1, 5, 1, 0x60, 1, 0x7f, 0,                       // type section, bytes 8-14
        2, 10, 1, 3, 'e', 'n', 'v', 1, 'e', 4, 0, 0,     // import section, bytes 15-26: tag 0
        13, 3, 1, 0, 0,                                  // tag section, bytes 27-31: tag 1, entry at 30
        7, 5, 1, 1, 't', 4, 1};                          // export section

    @Test
    void tagSectionTagImportsAndTagExportsRead() {
        var s = ParsedModule.parse(module(TAGS)).sections;
        assertThat(s.importedTags).isEqualTo(1);
        assertThat(s.tagCount()).isEqualTo(2);
        assertThat(s.imports.get(0).kind()).isEqualTo(dev.wasmlayout.wasm.sections.ExternalKind.TAG);
        assertThat(s.imports.get(0).typeIndex()).isZero();
        assertThat(s.tags).containsExactly(new dev.wasmlayout.wasm.sections.Tag(1, 0, 30));
        assertThat(s.tagType(1).params()).containsExactly(0x7f);
        assertThat(s.tagType(2)).isNull();
        assertThat(s.exports).containsExactly(new dev.wasmlayout.wasm.sections.Export("t",
                dev.wasmlayout.wasm.sections.ExternalKind.TAG, 1));
    }

    @Test
    void tagSectionErrors() {
        int[] attribute = TAGS.clone();
        attribute[30 - 8] = 1;
        assertThat(fail(module(attribute)).getMessage()).isEqualTo(
                "malformed module at byte 30 (0x1e) in tag section: tag attribute must be 0 (exception), got 1");
        int[] importAttribute = TAGS.clone();
        importAttribute[25 - 8] = 2;
        assertThat(fail(module(importAttribute)).getMessage()).isEqualTo(
                "malformed module at byte 25 (0x19) in import section: tag attribute must be 0 (exception), got 2");
        int[] unknownType = TAGS.clone();
        unknownType[31 - 8] = 1;
        WasmException e = fail(module(unknownType));
        assertThat(e.kind()).isEqualTo(WasmException.Kind.INVALID);
        assertThat(e.offset()).isEqualTo(30);
        assertThat(e.getMessage()).contains("unknown type index 1 for tag 1");
        // a tag whose type has a result: () -> (i32)
        WasmException results = fail(module(1, 5, 1, 0x60, 0, 1, 0x7f, 13, 3, 1, 0, 0));
        assertThat(results.kind()).isEqualTo(WasmException.Kind.INVALID);
        assertThat(results.offset()).isEqualTo(18);
        assertThat(results.getMessage()).contains("tag type 0 has results");
        // the tag section sits between memory and global
        assertThat(fail(module(6, 1, 0, 13, 1, 0)).getMessage()).contains("section out of order: tag after global");
        // a declared count larger than the bytes fails before anything is allocated
        assertThat(fail(module(13, 5, 0xff, 0xff, 0xff, 0xff, 0x07)).getMessage()).isEqualTo(
                "malformed module at byte 15 (0xf) in tag section: tag count 2147483647 is larger than the 0 bytes that follow");
    }
}
