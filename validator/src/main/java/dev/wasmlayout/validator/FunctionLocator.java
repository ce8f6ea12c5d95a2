package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.sections.FunctionBody;
import java.util.List;
import java.util.Optional;

/**
 * Tells which function of one instance is writing, asked only when a write is bad.
 * <ul>
 * <li>Compiler: each wasm function is a static JVM method {@code func_N} of a class named after the
 * module's class prefix, so the innermost such frame on the Java stack is the writer.</li>
 * <li>Interpreter: it calls this instance's execution listener before every instruction; the
 * listener keeps the instruction's byte offset in the module, which falls in exactly one function body.</li>
 * </ul>
 * Frames of Chicory's WASI class between the memory and that frame mean a host function wrote on the
 * module's behalf; the function reported is then the one that called the WASI import (with wasi-libc,
 * its {@code __wasi_*} wrapper), in both engines.
 */
final class FunctionLocator implements ExecutionListener {
    static final String UNKNOWN = "unknown function";
    private static final String WASI_CLASS = "com.dylibso.chicory.wasi.WasiPreview1";
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** Where a write came from: the wasm function and the WASI function that did it for it (or null). */
    record Where(String function, String via) {
    }

    private final ParsedModule module;
    private final List<FunctionBody> bodies;
    private volatile String compiledPrefix;
    /** Byte offset of the last instruction the interpreter ran for this instance, -1 before the first. */
    private int lastAddress = -1;
    /** The stack checks' setters ({@link StackGuard}): none, one, or one per module of a fused module. */
    private int[] stackSetters = new int[0];
    /** Byte offset of the last call to the stack setter the interpreter ran: where the stack pointer last moved. */
    private int lastStackMove = -1;

    FunctionLocator(ParsedModule module) {
        this.module = module;
        this.bodies = module.sections.bodies;
    }

    /** Set when the module runs compiled: the class name every generated class of it starts with. */
    void compiledAs(String classPrefix) {
        this.compiledPrefix = classPrefix;
    }

    /** Makes the interpreter remember the last call to {@code setter}, so a stack overflow names who moved the pointer. */
    void watchStackSetter(int setter) {
        int[] more = java.util.Arrays.copyOf(stackSetters, stackSetters.length + 1);
        more[stackSetters.length] = setter;
        this.stackSetters = more;
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        lastAddress = instruction.address();
        if (stackSetters.length > 0 && instruction.opcode() == OpCode.CALL) {
            for (int setter : stackSetters) {
                if (instruction.operand(0) == setter) {
                    lastStackMove = lastAddress;
                }
            }
        }
    }

    String compiledPrefix() {
        return compiledPrefix;
    }

    int lastAddress() {
        return lastAddress;
    }

    int lastStackMove() {
        return lastStackMove;
    }

    Where locate() {
        String prefix = compiledPrefix;
        return WALKER.walk(frames -> {
            String via = null;
            for (var it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                String cls = f.getClassName();
                String method = f.getMethodName();
                if (cls.equals(WASI_CLASS) && !method.startsWith("lambda$")) {
                    via = snakeCase(method); // keep the outermost: helpers of the WASI function come first
                } else if (prefix != null && cls.startsWith(prefix) && method.startsWith("func_")) {
                    int index = compiledIndex(method);
                    if (index >= module.sections.importedFunctions) { // below: the trampoline into a host function
                        return new Where(module.functionName(index), via);
                    }
                } else if (cls.endsWith("InterpreterMachine") && method.equals("eval")) {
                    return new Where(interpretedFunction(), via);
                }
            }
            return new Where(prefix == null ? interpretedFunction() : UNKNOWN, via);
        });
    }

    /**
     * The index of the wasm function running now (the innermost one; in the compiler, not the
     * trampoline into a host function), or -1. A host function asks it to learn who called it.
     */
    int currentFunction() {
        String prefix = compiledPrefix;
        return WALKER.walk(frames -> {
            for (var it = frames.iterator(); it.hasNext(); ) {
                StackWalker.StackFrame f = it.next();
                String cls = f.getClassName();
                String method = f.getMethodName();
                if (prefix != null && cls.startsWith(prefix) && method.startsWith("func_")) {
                    int index = compiledIndex(method);
                    if (index >= module.sections.importedFunctions) {
                        return index;
                    }
                } else if (cls.endsWith("InterpreterMachine") && method.equals("eval")) {
                    return functionAt(lastAddress).orElse(-1);
                }
            }
            return prefix == null ? functionAt(lastAddress).orElse(-1) : -1;
        });
    }

    private static int compiledIndex(String method) {
        try {
            return Integer.parseInt(method.substring("func_".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String interpretedFunction() {
        return functionAt(lastAddress).map(module::functionName).orElse(UNKNOWN);
    }

    /** Index of the function whose body holds byte offset {@code address}. */
    Optional<Integer> functionAt(int address) {
        int lo = 0;
        int hi = bodies.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FunctionBody b = bodies.get(mid);
            if (address < b.codeStart()) {
                hi = mid - 1;
            } else if (address >= b.end()) {
                lo = mid + 1;
            } else {
                return Optional.of(b.index());
            }
        }
        return Optional.empty();
    }

    static String snakeCase(String camel) {
        StringBuilder s = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
