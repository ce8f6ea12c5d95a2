package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.reencode.Reencode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges modules already patched into one memory (each at its planned regions, each confined, each
 * with its own window of the function table) into one core module, for runtimes that cannot give
 * several instances one memory (WAMR, wasm3, AOT compilers). Every module keeps its functions,
 * globals, data and element segments, and tags (exception handling); the index spaces are concatenated
 * in manifest order and every reference renumbered through {@link Reencode}. Imports between the modules
 * become direct calls (a tag import: the provider's exported tag), each other function or tag import
 * appears once, and every export is named {@code <module>.<export>}. A set that uses exception handling
 * fuses like any other, with a warning: a default WAMR build has no exception handling.
 *
 * <p>Each module is decoded once (the standard sections and its name section; its code was checked
 * when it was patched) and its bodies are scanned once more while renumbered: fusing costs one pass
 * over the bytes.
 *
 * <p>The result carries a custom section {@value #SECTION}: UTF-8 JSON
 * {@code {"modules":[{"name":"producer","functions":[[first,end],...],"globals":{"__stack_pointer":N}}]}}
 * giving the absolute function index ranges (end exclusive) of each module's own functions, including
 * its own versions of WASI functions (args, environ, fd_close), so a host can attribute what a function does to its module;
 * functions that belong to no module (the start and {@code _start} glue) are not listed.
 */
public final class Fuser {
    public static final String SECTION = "wasm-layout.fused";
    static final String WASI = "wasi_snapshot_preview1";

    private Fuser() {
    }

    /** One patched module; {@code argv} starts with argv[0]. */
    public record Unit(String name, byte[] bytes, List<String> argv, Map<String, String> env) {
    }

    /** A call {@code _start} makes: a function export of a module, with constant arguments. */
    public record Call(String module, String export, List<Long> args) {
    }

    /**
     * The memory the fused module defines ({@code importModule} null) or imports, with the plan's
     * pages; {@code calls} are what {@code _start} does, or null for every command's {@code _start}
     * and every reactor's {@code _initialize} in order.
     */
    public record Options(long initialPages, long maxPages, String importModule, String importName, List<Call> calls) {
    }

    public record Fused(byte[] bytes, List<String> warnings) {
    }

    /** Refuses what one module cannot hold, numbers the fused index spaces, then writes the module. */
    public static Fused fuse(List<Unit> units, Options o) {
        List<FusePart> parts = new ArrayList<>();
        for (Unit u : units) {
            FusePart p = new FusePart(u);
            FuseChecks.check(p);
            parts.add(p);
        }
        FusedNumbering numbering = new FusedNumbering(parts);
        List<String> warnings = FuseChecks.dropped(parts);
        warnings.addAll(FuseChecks.exceptionHandling(parts));
        return new Fused(FusedWriter.write(numbering, o), warnings);
    }
}
