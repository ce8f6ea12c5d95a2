package dev.wasmlayout.fuse;

import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.WasmModule;
import dev.wasmlayout.wasm.custom.NameSection;
import dev.wasmlayout.wasm.custom.TargetFeaturesSection;
import dev.wasmlayout.wasm.sections.ModuleSections;
import java.util.ArrayList;
import java.util.List;

/**
 * One patched module as decoded for fusing: its sections, names and features, read once, and the
 * maps {@link FusedNumbering} fills with where its types, functions, globals, tags, data and element
 * segments land in the fused index spaces.
 */
final class FusePart {
    final Fuser.Unit unit;
    final WasmModule module;
    final ModuleSections s;
    final NameSection names;
    /** Tags, or exception-handling in the target_features the linker wrote. */
    final boolean exceptionHandling;
    int[] types;
    int[] functions;
    /** Module tag index (imports first) to fused tag index. */
    int[] tags;
    int firstFunction;
    int globalBase;
    int dataBase;
    int elementBase;
    /** The WASI functions this module gets its own version of ({@link FusedNumbering#GLUED}), in that order. */
    final List<String> glue = new ArrayList<>();

    FusePart(Fuser.Unit unit) {
        this.unit = unit;
        try {
            this.module = WasmModule.read(unit.bytes());
            this.s = ModuleSections.decode(module);
            this.names = module.custom(NameSection.NAME).map(x -> NameSection.read(unit.bytes(), x)).orElse(null);
            List<String> features = module.custom(TargetFeaturesSection.NAME)
                    .map(x -> TargetFeaturesSection.read(unit.bytes(), x).features()).orElse(List.of());
            this.exceptionHandling = s.tagCount() > 0 || features.contains("+exception-handling")
                    || features.contains("=exception-handling");
        } catch (WasmException e) {
            throw new FuseException(unit.name(), e.getMessage());
        }
    }

    String name() {
        return unit.name();
    }

    byte[] bytes() {
        return unit.bytes();
    }
}
