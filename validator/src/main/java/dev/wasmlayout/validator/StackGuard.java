package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Instance;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.patch.StackCheck;
import dev.wasmlayout.wasm.ByteReader;
import dev.wasmlayout.wasm.code.Instruction;
import dev.wasmlayout.wasm.code.InstructionReader;
import dev.wasmlayout.wasm.code.Opcode;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.List;

/**
 * The stack check the patch put in one module ({@link StackCheck}), read back from its code: which
 * function sets the stack pointer, which one traps, the pointer's global and the stack's start. It
 * tells whether a trap came from that check and says so in one line.
 */
final class StackGuard {
    private final String module;
    private final ParsedModule pm;
    private final int setter;
    private final int overflow;
    private final int pointer;
    private final long start;
    /** What the module's function names start with in {@code pm}: "" alone, {@code module:} in a fused module. */
    private final String names;

    private StackGuard(String module, ParsedModule pm, int setter, int overflow, int pointer, long start, String names) {
        this.module = module;
        this.names = names;
        this.pm = pm;
        this.setter = setter;
        this.overflow = overflow;
        this.pointer = pointer;
        this.start = start;
    }

    /** The module's check, or null when it has none (stack-check: false, or not patched by wasm-layout). */
    static StackGuard of(String module, ParsedModule pm) {
        return of(module, pm, "");
    }

    /** The check of module {@code module} inside {@code pm}, whose function names start with {@code names} (a fused module's "calc:"). */
    static StackGuard of(String module, ParsedModule pm, String names) {
        int setter = pm.functionIndex(names + StackCheck.SETTER);
        int overflow = pm.functionIndex(names + StackCheck.OVERFLOW);
        FunctionBody body = setter < pm.sections.importedFunctions ? null
                : pm.sections.bodies.get(setter - pm.sections.importedFunctions);
        if (body == null || overflow < 0) {
            return null;
        }
        // the setter begins: local.get 0; global.set $sp; local.get 0; i32.const start; i32.sub
        List<Instruction> code = InstructionReader.forFunctionBody(
                new ByteReader(pm.bytes(), body.codeStart(), body.end(), "code")).readAll();
        if (code.size() < 4 || code.get(1).opcode() != Opcode.GLOBAL_SET || code.get(3).opcode() != Opcode.I32_CONST) {
            return null;
        }
        return new StackGuard(module, pm, setter, overflow, (int) code.get(1).ints()[0],
                code.get(3).ints()[0] & 0xffffffffL, names);
    }

    int setter() {
        return setter;
    }

    /**
     * "stack overflow: deep in sum: stack pointer 0x… below deep.stack (starts 0x…)" when {@code error}
     * is this module's check trapping, else null.
     *
     * @param compiledPrefix the class prefix of the module's compiled code (null when interpreted)
     * @param interpreted    where the interpreter last was in this module and the last call to the setter
     *                       (byte offsets in the module; -1 when unknown)
     */
    String explain(Throwable error, Instance instance, String compiledPrefix, int lastAddress, int lastSetterCall) {
        int caller = -2; // -2: not this module's check
        if (compiledPrefix != null) {
            caller = compiledCaller(error, compiledPrefix);
        }
        if (caller == -2 && inBody(overflow, lastAddress)) {
            caller = functionAt(lastSetterCall);
        }
        if (caller == -2) {
            return null;
        }
        long sp = instance.global(pointer).getValue() & 0xffffffffL;
        return "stack overflow: " + module + " in " + (caller < 0 ? FunctionLocator.UNKNOWN : ownName(pm.functionName(caller)))
                + ": stack pointer 0x" + Long.toHexString(sp) + (sp > start ? " (wrapped past address 0)" : "") + " below "
                + module + ".stack (starts 0x" + Long.toHexString(start) + ")";
    }

    private String ownName(String function) {
        return function.startsWith(names) ? function.substring(names.length()) : function;
    }

    /** The function that moved the pointer, -1 when unknown, -2 when the trap is not in this module's overflow function. */
    private int compiledCaller(Throwable error, String prefix) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            boolean inOverflow = false;
            for (StackTraceElement f : t.getStackTrace()) {
                if (!f.getClassName().startsWith(prefix) || !f.getMethodName().startsWith("func_")) {
                    continue;
                }
                int index = parse(f.getMethodName().substring("func_".length()));
                if (!inOverflow) {
                    if (index != overflow) {
                        break; // the innermost wasm frame of this module is not the check
                    }
                    inOverflow = true;
                } else if (index != setter && index != overflow) {
                    return index;
                }
            }
            if (inOverflow) {
                return -1;
            }
        }
        return -2;
    }

    private boolean inBody(int function, int address) {
        return address >= 0 && functionAt(address) == function;
    }

    private int functionAt(int address) {
        for (FunctionBody b : pm.sections.bodies) {
            if (address >= b.codeStart() && address < b.end()) {
                return b.index();
            }
        }
        return -1;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
