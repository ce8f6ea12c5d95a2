package dev.wasmlayout.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.ByteWriter;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stack check on stack.wasm / stack.pic.wasm (debug/build.sh): each global.set of the stack
 * pointer becomes a call to the setter in the same bytes, the setter compares with the planned stack,
 * and the DWARF stays true because no code offset moved.
 */
class StackCheckTest {

    /** A global.set of the stack pointer: its body, offset from the body's start (locals included) and index width. */
    private record Site(int function, int offset, int width) {
    }

    @Test
    void everyStackPointerUpdateCallsTheSetterInTheSameBytes() {
        ParsedModule m = DebugModules.load("stack.wasm");
        ModuleFacts f = Inspector.inspect("stack.wasm", m);
        int sp = f.stack().pointerGlobal();
        List<Site> before = sites(m, Opcode.GLOBAL_SET, sp);
        assertThat(before).hasSize(4).allMatch(s -> s.width() == 5); // wasm-ld pads the index

        Placement p = DebugModules.movedTo(f, 0x20000); // no static data: stack 0x20000..0x24000
        PatchResult r = DebugModules.patch(m, "relocate", p);
        ParsedModule out = ParsedModule.parse(r.bytes());

        int overflow = out.functionIndex(StackCheck.OVERFLOW);
        int setter = out.functionIndex(StackCheck.SETTER);
        assertThat(overflow).isEqualTo(m.sections.functionCount());
        assertThat(setter).isEqualTo(m.sections.functionCount() + 1);
        // the two prologues that take a frame call the setter in the bytes of their global.set; the two epilogues
        // that free it (pointer + constant) stay as they were
        List<Site> calls = sites(out, Opcode.CALL, setter);
        List<Site> kept = sites(out, Opcode.GLOBAL_SET, sp);
        assertThat(calls).hasSize(2);
        assertThat(kept).hasSize(2);
        List<Site> all = new ArrayList<>(calls);
        all.addAll(kept);
        all.sort(java.util.Comparator.comparingInt(Site::function).thenComparingInt(Site::offset));
        assertThat(all).isEqualTo(before); // same functions, same offsets, same widths
        assertThat(bodyLengths(out, m.sections.bodies.size())).isEqualTo(bodyLengths(m, m.sections.bodies.size()));

        assertThat(p.stackLow()).isEqualTo(0x20000);
        byte[] expected = new ByteWriter()
                .u8(0) // no locals
                .u8(0x20).u8(0).u8(0x24).u32(sp) // local.get 0; global.set $sp
                .u8(0x20).u8(0).u8(0x41).s32(0x20000).u8(0x6b) // local.get 0; i32.const stack start; i32.sub
                .u8(0x41).s32(0x4000).u8(0x4b) // i32.const stack size; i32.gt_u
                .u8(0x04).u8(0x40).u8(0x10).u32(overflow).u8(0x0b) // if; call overflow; end
                .u8(0x0b).toByteArray();
        assertThat(body(out, setter)).isEqualTo(expected);
        assertThat(body(out, overflow)).containsExactly(0x00, 0x00, 0x0b); // unreachable
        assertThat(r.actions()).anyMatch(a -> a.equals("stack check: 2 update(s) of the stack pointer (global 0) call"
                + " __wasm_layout_stack_set (function " + setter + "), which traps through __wasm_layout_stack_overflow"
                + " (function " + overflow + ") outside 0x20000..0x24000; 2 that free a frame (pointer + constant) stay"
                + " unchecked; every call took the bytes of the global.set it replaced"));
        // the code kept its offsets, so the DWARF was rewritten (data moved) without losing any function
        assertThat(r.warnings()).isEmpty();
        assertThat(r.actions()).anyMatch(a -> a.startsWith("debug info (") && a.endsWith("(code did not move)"));
    }

    @Test
    void aCallKeepsTheWidthOfTheIndexItReplacesAndGrowsOnlyWhenTheSetterNeedsMore() {
        // no locals; global.set 0 written minimally (as wasm-opt writes it), then global.set 0 padded to 5 bytes; end
        byte[] body = {0x00, 0x24, 0x00, 0x24, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00, 0x0b};
        StackCheck.Rewrite small = StackCheck.rewrite(body, 0, 1, body.length, 0, 5);
        assertThat(small.body()).containsExactly(0x00, 0x10, 0x05, 0x10, 0x85, 0x80, 0x80, 0x80, 0x00, 0x0b);
        assertThat(small.sites()).isEqualTo(2);
        assertThat(small.grown()).isZero();
        StackCheck.Rewrite large = StackCheck.rewrite(body, 0, 1, body.length, 0, 200); // 200 needs two LEB bytes
        assertThat(large.body()).containsExactly(0x00, 0x10, 0xc8, 0x01, 0x10, 0xc8, 0x81, 0x80, 0x80, 0x00, 0x0b);
        assertThat(large.grown()).isEqualTo(1);
        assertThat(StackCheck.rewrite(body, 0, 1, body.length, 1, 5).body()).isNull(); // global 1 is not the pointer
    }

    @Test
    void aFunctionThatNeverSetsThePointerHasItsFrameMeasured() {
        // one i32 local; global.get 0; i32.const 64; i32.sub; local.set 0; end: a leaf's 64-byte frame
        byte[] body = {0x01, 0x01, 0x7f, 0x23, 0x00, 0x41, (byte) 0xc0, 0x00, 0x6b, 0x21, 0x00, 0x0b};
        StackCheck.Rewrite r = StackCheck.rewrite(body, 0, 3, body.length, 0, 5);
        assertThat(r.body()).isNull();
        assertThat(r.frame()).isEqualTo(64);
        assertThat(StackCheck.rewrite(body, 0, 3, body.length, 1, 5).frame()).isZero(); // global 1 is not the pointer
    }

    @Test
    void onlyAnUpdateThatAddsANonNegativeConstantStaysUnchecked() {
        // local.get 0; i32.const 16; i32.add; global.set 0 (frees a frame), then the same with -16 (takes one); end
        byte[] body = {0x00, 0x20, 0x00, 0x41, 0x10, 0x6a, 0x24, 0x00, 0x20, 0x00, 0x41, 0x70, 0x6a, 0x24, 0x00, 0x0b};
        StackCheck.Rewrite r = StackCheck.rewrite(body, 0, 1, body.length, 0, 5);
        assertThat(r.up()).isEqualTo(1);
        assertThat(r.sites()).isEqualTo(1);
        assertThat(r.body()).containsExactly(0x00, 0x20, 0x00, 0x41, 0x10, 0x6a, 0x24, 0x00, 0x20, 0x00, 0x41, 0x70, 0x6a,
                0x10, 0x05, 0x0b);
    }

    @Test
    void picChecksTheBoundStackPointerUnderItsNewNumber() {
        ParsedModule m = DebugModules.load("stack.pic.wasm");
        ModuleFacts f = Inspector.inspect("stack.pic.wasm", m);
        assertThat(f.stack().pointerImported()).isTrue();
        int updates = sites(m, Opcode.GLOBAL_SET, f.stack().pointerGlobal()).size();
        assertThat(updates).isEqualTo(4); // two prologues, two epilogues

        Placement p = DebugModules.movedTo(f, 0x30000);
        PatchResult r = DebugModules.patch(m, "pic", p);
        ParsedModule out = ParsedModule.parse(r.bytes());
        int setter = out.functionIndex(StackCheck.SETTER);
        // env.__stack_pointer was import 0; the two other imports it binds go too, so it is defined global 0... of
        // the bound ones, numbered after the imports that stay (none here)
        int bound = 0;
        assertThat(out.sections.importedGlobals).isZero();
        assertThat(out.sections.globals.get(bound).init().value()).hasValue(p.stackHigh());
        assertThat(sites(out, Opcode.CALL, setter)).hasSize(2); // the prologues
        assertThat(sites(out, Opcode.GLOBAL_SET, bound)).hasSize(2); // the epilogues, renumbered
        assertThat(body(out, setter)).startsWith(0x00, 0x20, 0x00, 0x24, bound);
        assertThat(out.functionName(out.functionIndex(StackCheck.OVERFLOW))).isEqualTo(StackCheck.OVERFLOW);
    }

    @Test
    void stackCheckFalseLeavesEveryUpdateAsItWas() {
        ParsedModule m = DebugModules.load("stack.wasm");
        ModuleFacts f = Inspector.inspect("stack.wasm", m);
        PatchResult r = DebugModules.patch(m, "relocate", DebugModules.movedTo(f, 0x20000).withStackCheck(false));
        ParsedModule out = ParsedModule.parse(r.bytes());
        assertThat(out.functionIndex(StackCheck.SETTER)).isEqualTo(-1);
        assertThat(out.sections.functionCount()).isEqualTo(m.sections.functionCount());
        assertThat(sites(out, Opcode.GLOBAL_SET, f.stack().pointerGlobal())).isEqualTo(sites(m, Opcode.GLOBAL_SET,
                f.stack().pointerGlobal()));
        assertThat(r.actions()).contains("stack check off (stack-check: false): the stack pointer is not checked");
    }

    /** The sites outside the glue the patch added. */
    private static List<Site> sites(ParsedModule m, Opcode op, long index) {
        List<Site> out = new ArrayList<>();
        for (FunctionBody b : m.sections.bodies) {
            if (m.functionName(b.index()).startsWith("__wasm_layout_")) {
                continue;
            }
            ByteReader r = new ByteReader(m.bytes(), b.codeStart(), b.end(), "code");
            InstructionReader insns = InstructionReader.forFunctionBody(r);
            while (insns.hasNext()) {
                int at = r.pos();
                Opcode o = insns.skip();
                if (o == op && insns.immediate(0) == index) {
                    out.add(new Site(b.index(), at - b.localsStart(), r.pos() - at - 1));
                }
            }
        }
        return out;
    }

    private static byte[] body(ParsedModule m, int function) {
        FunctionBody b = m.sections.bodies.get(function - m.sections.importedFunctions);
        return Arrays.copyOfRange(m.bytes(), b.localsStart(), b.end());
    }

    private static List<Integer> bodyLengths(ParsedModule m, int count) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FunctionBody b = m.sections.bodies.get(i);
            out.add(b.end() - b.localsStart());
        }
        return out;
    }
}
