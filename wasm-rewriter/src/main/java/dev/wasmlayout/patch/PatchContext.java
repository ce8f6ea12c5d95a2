package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import dev.wasmlayout.wasm.ModuleEditor;
import dev.wasmlayout.wasm.reencode.Reencode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of one patch share. The module as parsed, its facts and its placement are given;
 * the steps fill in the rest in order: the bytes with in-place rewrites, the address map, the editor
 * that collects the new sections, and (pic) the bound loader globals and their renumbering. Every
 * index and offset a step reads refers to the module as parsed: added types, functions and globals
 * come after the existing ones, so nothing already there is renumbered by a later step.
 */
final class PatchContext {
    final ParsedModule parsed;
    final ModuleFacts facts;
    final Placement placement;
    final PatchStrategy strategy;
    final PatchLog log = new PatchLog();
    /** Types and functions added by the steps, written out once by {@link CommonSteps.WriteAdditions}. */
    final Additions additions;
    /** Global entries added after the module's own (encoded), written with the global section. */
    final List<byte[]> addedGlobals = new ArrayList<>();

    /**
     * The module's bytes, laid out as {@link #parsed}: relocate rewrites its sites in place here (a copy);
     * the other strategies leave them as parsed.
     */
    byte[] bytes;
    /** Where static data moves (relocate, placed). */
    AddressMap map;
    /** Collects the replaced sections and bodies; opened once the in-place rewrites are done. */
    ModuleEditor editor;
    /** The stack pointer's global index as the bodies in the editor number it, or -1 when it has none to check. */
    int stackPointer = -1;
    /** The loader's imported globals bound to constants, and the renumbering of global uses (pic). */
    GlobalBinding binding;
    Reencode renumbering;

    PatchContext(ParsedModule parsed, ModuleFacts facts, Placement placement, PatchStrategy strategy) {
        this.parsed = parsed;
        this.facts = facts;
        this.placement = placement;
        this.strategy = strategy;
        this.additions = new Additions(parsed);
        this.bytes = parsed.bytes();
    }
}
