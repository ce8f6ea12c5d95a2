package dev.wasmlayout.wasm.sections;

import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.code.ConstExpr;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.Opcode;
import java.util.List;

/** Reads a constant expression and keeps where it sits in the file. */
public final class InitExprReader {
    private InitExprReader() {
    }

    public static InitExpr read(ByteReader r) {
        int start = r.pos();
        ConstExpr e = ConstExpr.read(r);
        List<Instruction> insns = e.instructions();
        int globalGet = insns.size() == 2 && insns.get(0).opcode() == Opcode.GLOBAL_GET ? (int) insns.get(0).imm(0) : -1;
        return new InitExpr(start, r.pos(), e.value(), globalGet);
    }
}
