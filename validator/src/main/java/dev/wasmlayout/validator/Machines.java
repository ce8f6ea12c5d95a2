package dev.wasmlayout.validator;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.List;
import java.util.function.Function;

/**
 * Picks how a module runs. The compiler is tried first when asked for; a module it cannot compile
 * runs in the interpreter instead, and a note says so.
 */
final class Machines {
    private static final String PACKAGE = "dev.wasmlayout.validator.gen.";

    private Machines() {
    }

    /** The class name prefix of module number {@code index}'s generated classes. */
    static String classPrefix(int index, String module) {
        return PACKAGE + "M" + index + "_" + module.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /**
     * The machine factory for one module; {@code locator} learns the class prefix when the module is compiled.
     */
    static Function<Instance, Machine> factory(Engine engine, WasmModule module, String name, int index,
                                               FunctionLocator locator, List<String> notes) {
        if (engine == Engine.INTERPRETER) {
            return InterpreterMachine::new;
        }
        String prefix = classPrefix(index, name);
        try {
            Function<Instance, Machine> f = compile(module, prefix, InterpreterFallback.FAIL);
            locator.compiledAs(prefix);
            return f;
        } catch (RuntimeException | LinkageError first) {
            try {
                // functions too large for one JVM method can still run interpreted inside compiled code
                Function<Instance, Machine> f = compile(module, prefix, InterpreterFallback.SILENT);
                locator.compiledAs(prefix);
                notes.add("module '" + name + "': some functions are too large for the compiler and run in the"
                        + " interpreter (" + first.getMessage() + ")");
                return f;
            } catch (RuntimeException | LinkageError second) {
                notes.add("module '" + name + "': the compiler failed (" + second + "); it runs in the interpreter");
                return InterpreterMachine::new;
            }
        }
    }

    private static Function<Instance, Machine> compile(WasmModule module, String prefix, InterpreterFallback fallback) {
        return MachineFactoryCompiler.builder(module)
                .withClassName(prefix)
                .withInterpreterFallback(fallback)
                .compile();
    }
}
