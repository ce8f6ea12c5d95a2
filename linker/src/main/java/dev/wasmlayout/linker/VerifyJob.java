package dev.wasmlayout.linker;

import dev.wasmlayout.inspect.Inspector;
import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutVerifier;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.layout.RegionKind;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.patch.HeapConfinement;
import dev.wasmlayout.patch.PatchRecord;
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.sections.Export;
import dev.wasmlayout.wasm.sections.ExternalKind;
import dev.wasmlayout.wasm.sections.FuncType;
import dev.wasmlayout.wasm.sections.Import;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a linked folder against its layout without running it: no region overlaps, every data
 * segment inside its owner's data region, every stack pointer at the top of its stack, every module
 * importing the planned memory, and every cross-module import exported by its provider with the same type.
 */
public final class VerifyJob {
    private VerifyJob() {
    }

    /**
     * What the set loses without being inconsistent: a module whose memory.size/memory.grow the patch confined
     * to a heap that does not end on a page (malloc then cannot reach the heap's tail).
     */
    public static List<String> warnings(java.nio.file.Path dir) {
        LinkedSet set = LinkedSet.read(dir);
        List<String> warnings = new ArrayList<>();
        for (ModuleSpec spec : set.manifest().modules()) {
            Region heap = Placements.find(set.layout(), spec.name(), RegionKind.HEAP);
            java.nio.file.Path file = set.module(spec.name());
            if (set.without().contains(spec.name()) || heap == null || heap.end() % Layout.PAGE_SIZE == 0 || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                if (ParsedModule.parse(Files.readAllBytes(file)).functionIndex(HeapConfinement.GROW) >= 0) {
                    warnings.add(String.format("%s: %s ends at 0x%x, not on a page: malloc finds its end through"
                            + " memory.size, so its last %d bytes are out of malloc's reach", file, heap.name(), heap.end(),
                            heap.end() % Layout.PAGE_SIZE));
                }
            } catch (IOException | WasmException e) {
                // verify reports the unreadable module as a problem
            }
        }
        return warnings;
    }

    /** Problems found; empty when the set is consistent. */
    public static List<String> verify(java.nio.file.Path dir) {
        LinkedSet set = LinkedSet.read(dir);
        Layout layout = set.layout();
        List<String> problems = new ArrayList<>(LayoutVerifier.problems(layout));
        Map<String, ParsedModule> parsed = new HashMap<>();
        for (ModuleSpec spec : set.manifest().modules()) {
            if (set.without().contains(spec.name())) {
                continue;
            }
            java.nio.file.Path file = set.module(spec.name());
            try {
                parsed.put(spec.name(), ParsedModule.parse(Files.readAllBytes(file)));
            } catch (IOException e) {
                problems.add(file + ": cannot read: " + e.getMessage());
            } catch (WasmException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        for (Map.Entry<String, ParsedModule> e : parsed.entrySet()) {
            checkModule(set, e.getKey(), e.getValue(), parsed, problems);
        }
        problems.sort(null);
        return problems;
    }

    private static void checkModule(LinkedSet set, String name, ParsedModule m, Map<String, ParsedModule> all,
                                    List<String> problems) {
        String file = set.module(name).toString();
        Layout layout = set.layout();
        ModuleFacts f = Inspector.inspect(file, m);
        if (m.module.custom(PatchRecord.SECTION).isEmpty()) {
            problems.add(file + ": not patched by wasm-layout (no '" + PatchRecord.SECTION + "' section)");
        }
        String memory = set.manifest().memory().importName();
        if (!f.memory().imported() || !memory.equals(f.memory().importName())) {
            problems.add(file + ": memory is " + (f.memory().imported() ? "imported as " + f.memory().importName() : "not imported")
                    + ", the plan says " + memory);
        } else if (f.memory().minPages() != layout.initialPages() || f.memory().maxPages() != layout.maxPages()) {
            problems.add(file + ": memory limits " + f.memory().minPages() + ".." + f.memory().maxPages()
                    + " pages, the plan says " + layout.initialPages() + ".." + layout.maxPages());
        }
        Region data = Placements.find(layout, name, RegionKind.DATA);
        for (ModuleFacts.Segment s : f.data().segments()) {
            if (s.active() && s.size() > 0 && (data == null || s.address() < data.start() || s.address() + s.size() > data.end())) {
                problems.add(String.format("%s: data segment %d [0x%x, 0x%x) is outside %s's data region%s", file, s.index(),
                        s.address(), s.address() + s.size(), name,
                        data == null ? "" : String.format(" [0x%x, 0x%x)", data.start(), data.end())));
            }
        }
        Region stack = Placements.find(layout, name, RegionKind.STACK);
        if (stack != null && f.stack().pointerGlobal() >= 0 && !f.stack().pointerImported()
                && f.stack().initialPointer() != stack.end()) {
            problems.add(String.format("%s: __stack_pointer starts at 0x%x, the top of its stack is 0x%x", file,
                    f.stack().initialPointer(), stack.end()));
        }
        ModuleSpec spec = set.manifest().module(name).orElseThrow();
        for (Import i : m.sections.imports) {
            if (i.kind() != ExternalKind.FUNC) {
                continue;
            }
            String provider = spec.imports().getOrDefault(i.module(), set.manifest().module(i.module()).isPresent() ? i.module() : null);
            if (provider == null) {
                continue; // a host import (WASI, env)
            }
            ParsedModule p = all.get(provider);
            if (p == null) {
                problems.add(file + ": imports " + i.fullName() + " but module '" + provider + "' is not in the set");
                continue;
            }
            FuncType want = m.sections.types.get(i.typeIndex());
            Export ex = p.sections.exports.stream().filter(x -> x.kind() == ExternalKind.FUNC && x.name().equals(i.name()))
                    .findFirst().orElse(null);
            if (ex == null) {
                problems.add(file + ": imports " + i.fullName() + " but '" + provider + "' does not export " + i.name());
            } else if (!want.equals(p.sections.functionType(ex.index()))) {
                problems.add(file + ": imports " + i.fullName() + " as " + want + " but '" + provider + "' exports it as "
                        + p.sections.functionType(ex.index()));
            }
        }
    }
}
