package dev.wasmlayout.patch;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.Section;
import dev.wasmlayout.wasm.SectionIds;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.Arrays;
import java.util.List;

/**
 * Where each function body of a module lands in the patched code section, and whether its
 * instructions kept their offsets inside it. DWARF addresses code by offset from the start of the
 * code section payload (its function count LEB), so this says which of those offsets still hold,
 * which moved with their whole function, and which cannot be mapped (the inside of a rewritten body).
 */
final class CodeShift {
    private final int imported;
    private final int[] oldStart;
    private final int[] oldLength;
    private final int[] newStart;
    private final boolean[] insideKept;

    private CodeShift(int imported, int[] oldStart, int[] oldLength, int[] newStart, boolean[] insideKept) {
        this.imported = imported;
        this.oldStart = oldStart;
        this.oldLength = oldLength;
        this.newStart = newStart;
        this.insideKept = insideKept;
    }

    /**
     * Compares the bodies as linked ({@code before}: bytes with the layout of {@code module}, relocation
     * sites may already hold new values) with the code payload the patch writes ({@code after}).
     */
    static CodeShift of(WasmModule module, List<FunctionBody> bodies, byte[] before, byte[] after) {
        int n = bodies.size();
        int[] oldStart = new int[n];
        int[] oldLength = new int[n];
        int[] newStart = new int[n];
        boolean[] kept = new boolean[n];
        int imported = n == 0 ? 0 : bodies.get(0).index();
        Section code = module.section(SectionIds.CODE).orElse(null);
        if (code == null || after == null) {
            return new CodeShift(imported, oldStart, oldLength, newStart, kept);
        }
        ByteReader r = new ByteReader(after, 0, after.length, "patched code");
        int count = r.checkCount(r.u32(), 2, "function body");
        for (int i = 0; i < n; i++) {
            FunctionBody b = bodies.get(i);
            oldStart[i] = b.localsStart() - code.payloadStart();
            oldLength[i] = b.end() - b.localsStart();
            if (i >= count) {
                newStart[i] = -1; // no longer there: nothing inside it can be mapped
                continue;
            }
            int size = r.u32AsInt("function body size");
            r.require(size, "function body");
            newStart[i] = r.pos();
            kept[i] = sameInside(before, b, after, r.pos(), size);
            r.seek(r.pos() + size);
        }
        return new CodeShift(imported, oldStart, oldLength, newStart, kept);
    }

    /**
     * Same length, same locals and every instruction at the same offset: then every code offset
     * inside the body (line rows, ranges, lengths) is still true relative to the body's start.
     */
    private static boolean sameInside(byte[] before, FunctionBody b, byte[] after, int at, int size) {
        if (size != b.end() - b.localsStart()) {
            return false;
        }
        if (Arrays.equals(before, b.localsStart(), b.end(), after, at, at + size)) {
            return true;
        }
        int locals = b.codeStart() - b.localsStart();
        if (!Arrays.equals(before, b.localsStart(), b.codeStart(), after, at, at + locals)) {
            return false;
        }
        ByteReader oldCode = new ByteReader(before, b.codeStart(), b.end(), "code");
        ByteReader newCode = new ByteReader(after, at + locals, at + size, "patched code");
        InstructionReader oldInsns = InstructionReader.forFunctionBody(oldCode);
        InstructionReader newInsns = InstructionReader.forFunctionBody(newCode);
        while (oldInsns.hasNext() && newInsns.hasNext()) {
            oldInsns.skip();
            newInsns.skip();
            if (oldCode.pos() - b.codeStart() != newCode.pos() - (at + locals)) {
                return false;
            }
        }
        return !oldInsns.hasNext() && !newInsns.hasNext();
    }

    /** True when every body sits where it was with the same instruction offsets: DWARF's code offsets all hold. */
    boolean unchanged() {
        for (int i = 0; i < oldStart.length; i++) {
            if (!insideKept[i] || newStart[i] != oldStart[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code functionIndex} (imports counted) has a body in the module as linked. */
    boolean defines(int functionIndex) {
        int i = functionIndex - imported;
        return i >= 0 && i < oldStart.length;
    }

    /** Offset of the body (after its size) in the code payload as linked. */
    int oldOffset(int functionIndex) {
        return oldStart[functionIndex - imported];
    }

    /** Bytes of the body as linked, locals included. */
    int length(int functionIndex) {
        return oldLength[functionIndex - imported];
    }

    /** Whether the body's instructions kept their offsets relative to its start (it may have moved as a whole). */
    boolean insideKept(int functionIndex) {
        return insideKept[functionIndex - imported];
    }

    /** Offset of the body in the patched code payload; meaningful when {@link #insideKept} holds. */
    int newOffset(int functionIndex) {
        return newStart[functionIndex - imported];
    }

    /** How many bodies are no longer at their linked offset (moved as a whole or changed inside). */
    int moved() {
        int n = 0;
        for (int i = 0; i < oldStart.length; i++) {
            if (!insideKept[i] || newStart[i] != oldStart[i]) {
                n++;
            }
        }
        return n;
    }
}
