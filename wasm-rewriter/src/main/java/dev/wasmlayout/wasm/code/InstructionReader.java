package dev.wasmlayout.wasm.code;

import dev.wasmlayout.wasm.ByteReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Decodes an expression one instruction at a time, up to and including the {@code end} that closes
 * it. Nesting is tracked in an array, never on the Java stack, so bodies nested hundreds of
 * thousands deep decode fine. It checks structure (else only inside if; catch and catch_all only in
 * a legacy try, none after catch_all; delegate only closing a try without handlers; nothing after a
 * function's final end) but does no type checking.
 */
public final class InstructionReader {
    private static final byte FRAME_BLOCK = 0;
    private static final byte FRAME_IF = 1;
    private static final byte FRAME_ELSE = 2;
    /** A legacy try before its first handler: catch, catch_all, delegate or end may follow. */
    private static final byte FRAME_TRY = 3;
    /** A legacy try after a catch: more catches, catch_all or end may follow. */
    private static final byte FRAME_CATCH = 4;
    /** A legacy try after catch_all: only end may follow. */
    private static final byte FRAME_CATCH_ALL = 5;

    private final ByteReader in;
    private final boolean functionBody;
    private byte[] frames = new byte[16];
    private long[] scratch;
    private int depth;
    private boolean finished;

    private InstructionReader(ByteReader in, boolean functionBody) {
        this.in = in;
        this.functionBody = functionBody;
    }

    /**
     * A reader for a function body: {@code in} is positioned after the locals and its window ends
     * where the body ends, so bytes after the final {@code end} are an error.
     */
    public static InstructionReader forFunctionBody(ByteReader in) {
        return new InstructionReader(in, true);
    }

    /** A reader for a constant expression embedded in a section; {@code in} is left after its end. */
    public static InstructionReader forConstExpr(ByteReader in) {
        return new InstructionReader(in, false);
    }

    /** False once the closing {@code end} has been returned. */
    public boolean hasNext() {
        return !finished;
    }

    /** Open blocks after the last instruction returned (0 at the expression's own level). */
    public int depth() {
        return depth;
    }

    public Instruction next() {
        int start = begin();
        Opcode op = readOpcode(start);
        Instruction insn = ImmediateReader.read(op, start, in);
        track(op, start);
        return insn;
    }

    /**
     * Reads past the next instruction, with the same checks as {@link #next()}, without building
     * it (no allocation): for callers that only need the opcodes, such as validation and scans.
     * The instruction started at the reader's position before the call.
     */
    public Opcode skip() {
        int start = begin();
        if (scratch == null) {
            scratch = new long[ImmediateKind.MEMARG_LANE.intCount()];
        }
        Opcode op = readOpcode(start);
        ImmediateReader.skip(op, in, scratch);
        track(op, start);
        return op;
    }

    /**
     * The i-th integer immediate of the instruction the last {@link #skip()} read (for the index
     * kinds, such as FUNC and GLOBAL, {@code immediate(0)} is the index).
     */
    public long immediate(int i) {
        return scratch[i];
    }

    /** Where the next instruction starts; fails when there is none. */
    private int begin() {
        if (finished) {
            throw new NoSuchElementException("expression already ended");
        }
        if (in.atEnd()) {
            throw in.malformed((functionBody ? "function body" : "constant expression")
                    + " ends without its end (open blocks: " + depth + ")");
        }
        return in.pos();
    }

    /** Reads the rest of the expression. */
    public List<Instruction> readAll() {
        List<Instruction> out = new ArrayList<>();
        while (hasNext()) {
            out.add(next());
        }
        return out;
    }

    private Opcode readOpcode(int start) {
        int b = in.u8();
        if (Opcode.isPrefix(b)) {
            long sub = in.u32();
            Opcode op = Opcode.lookup(b, sub);
            if (op == null) {
                throw in.unsupportedAt(start, String.format("unsupported opcode 0x%02x 0x%02x", b, sub));
            }
            return op;
        }
        Opcode op = Opcode.lookup(b);
        if (op == null) {
            throw in.unsupportedAt(start, String.format("unsupported opcode 0x%02x%s", b, knownProposal(b)));
        }
        return op;
    }

    private void track(Opcode op, int start) {
        switch (op) {
            case BLOCK:
            case LOOP:
            case TRY_TABLE:
                push(FRAME_BLOCK);
                break;
            case TRY:
                push(FRAME_TRY);
                break;
            case CATCH:
            case CATCH_ALL:
                if (depth == 0 || (frames[depth - 1] != FRAME_TRY && frames[depth - 1] != FRAME_CATCH)) {
                    throw in.malformedAt(start, depth > 0 && frames[depth - 1] == FRAME_CATCH_ALL
                            ? op.mnemonic() + " after catch_all in the same try" : op.mnemonic() + " outside a try");
                }
                frames[depth - 1] = op == Opcode.CATCH ? FRAME_CATCH : FRAME_CATCH_ALL;
                break;
            case DELEGATE:
                // delegate ends its try like end does
                if (depth == 0 || frames[depth - 1] != FRAME_TRY) {
                    throw in.malformedAt(start, depth > 0 && frames[depth - 1] >= FRAME_CATCH
                            ? "delegate after a catch in the same try" : "delegate outside a try");
                }
                depth--;
                break;
            case IF:
                push(FRAME_IF);
                break;
            case ELSE:
                if (depth == 0 || frames[depth - 1] != FRAME_IF) {
                    throw in.malformedAt(start, depth > 0 && frames[depth - 1] == FRAME_ELSE
                            ? "second else in the same if" : "else outside an if");
                }
                frames[depth - 1] = FRAME_ELSE;
                break;
            case END:
                if (depth > 0) {
                    depth--;
                } else {
                    finished = true;
                    if (functionBody && !in.atEnd()) {
                        throw in.malformed(in.remaining() + " bytes after the end of the function body");
                    }
                }
                break;
            default:
                break;
        }
    }

    private void push(byte frame) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = frame;
    }

    /** Names the proposal behind an opcode we know of but do not decode, so the message says why. */
    private static String knownProposal(int b) {
        switch (b) {
            case 0x14: case 0x15: case 0xd3: case 0xd4: case 0xd6:
                return " (typed function references)";
            case 0xd5: case 0xfb:
                return " (GC)";
            default:
                return "";
        }
    }
}
