package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Reads and inspects every module of a manifest, naming the file in every error. */
public final class ModuleLoader {
    private ModuleLoader() {
    }

    /** Every module of the manifest, in its order; the modules are read and inspected in parallel. */
    public static List<LoadedModule> load(Manifest manifest) {
        return PerModule.map(manifest.modules(), ModuleLoader::load);
    }

    public static LoadedModule load(ModuleSpec spec) {
        String file = spec.wasmPath().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(spec.wasmPath());
        } catch (NoSuchFileException e) {
            throw new LinkException(file + ": no such file (module '" + spec.name() + "')");
        } catch (IOException e) {
            throw new LinkException(file + ": cannot read: " + e.getMessage());
        }
        try {
            ParsedModule parsed = ParsedModule.parse(bytes);
            ModuleFacts facts = Inspector.inspect(file, parsed);
            return new LoadedModule(spec, bytes, parsed, facts);
        } catch (WasmException e) {
            throw new LinkException(file + ": " + e.getMessage());
        }
    }
}
