package dev.wasmlayout.wasm.code;

/** Text-format rendering of one instruction, for messages and debugging (not a full WAT printer). */
final class InstructionText {
    private static final String[] CATCH_NAMES = {"catch", "catch_ref", "catch_all", "catch_all_ref"};

    private InstructionText() {
    }

    static String format(Instruction insn) {
        StringBuilder sb = new StringBuilder(insn.opcode().mnemonic());
        switch (insn.opcode().immediate()) {
            case NONE:
            case ZERO_BYTE:
                break;
            case BLOCK_TYPE:
                blockType(sb, insn.imm(0));
                break;
            case LABEL_VECTOR:
                for (int i = 0; i < insn.targetCount(); i++) {
                    sb.append(' ').append(insn.target(i));
                }
                sb.append(' ').append(insn.imm(0));
                break;
            case TYPE_AND_TABLE:
                sb.append(' ').append(insn.imm(1)).append(" (type ").append(insn.imm(0)).append(')');
                break;
            case MEMARG:
            case MEMARG_LANE:
                memarg(sb, insn);
                break;
            case F32:
                sb.append(' ').append(Float.intBitsToFloat((int) insn.imm(0)));
                break;
            case F64:
                sb.append(' ').append(Double.longBitsToDouble(insn.imm(0)));
                break;
            case V128:
                sb.append(" i8x16");
                bytes(sb, insn);
                break;
            case SHUFFLE:
                bytes(sb, insn);
                break;
            case SELECT_TYPES:
                sb.append(" (result");
                for (int i = 0; i < insn.byteCount(); i++) {
                    sb.append(' ').append(ValueType.name(insn.byteAt(i)));
                }
                sb.append(')');
                break;
            case HEAP_TYPE:
                sb.append(insn.imm(0) == ValueType.FUNCREF ? " func" : insn.imm(0) == ValueType.EXNREF ? " exn" : " extern");
                break;
            case TRY_TABLE:
                blockType(sb, insn.imm(0));
                for (int i = 0; i < insn.catchCount(); i++) {
                    int kind = insn.catchKind(i);
                    sb.append(" (").append(CATCH_NAMES[kind]);
                    if (kind == Instruction.CATCH || kind == Instruction.CATCH_REF) {
                        sb.append(' ').append(insn.catchTag(i));
                    }
                    sb.append(' ').append(insn.catchLabel(i)).append(')');
                }
                break;
            default:
                for (int i = 0; i < insn.opcode().immediate().intCount(); i++) {
                    sb.append(' ').append(insn.imm(i));
                }
        }
        return sb.toString();
    }

    private static void blockType(StringBuilder sb, long bt) {
        if (bt >= 0) {
            sb.append(" (type ").append(bt).append(')');
        } else if (bt != -64) {
            sb.append(" (result ").append(ValueType.name((int) (bt & 0x7f))).append(')');
        }
    }

    private static void memarg(StringBuilder sb, Instruction insn) {
        if (insn.explicitMemoryIndex()) {
            sb.append(' ').append(insn.memoryIndex());
        }
        if (insn.memoryOffset() != 0) {
            sb.append(" offset=").append(Long.toUnsignedString(insn.memoryOffset()));
        }
        sb.append(" align=").append(1L << Math.min(insn.alignExponent(), 62));
        if (insn.opcode().immediate() == ImmediateKind.MEMARG_LANE) {
            sb.append(' ').append(insn.lane());
        }
    }

    private static void bytes(StringBuilder sb, Instruction insn) {
        for (int i = 0; i < insn.byteCount(); i++) {
            sb.append(' ').append(insn.byteAt(i));
        }
    }
}
