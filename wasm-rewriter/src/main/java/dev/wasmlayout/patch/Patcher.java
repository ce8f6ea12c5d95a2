package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.PatchStrategy;
import dev.wasmlayout.wasm.ParsedModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the strategy (the one asked for, or the first that applies) and runs its steps, in the
 * order written here, over one {@link PatchContext}. The order matters: in-place site rewrites come
 * before the editor opens over their bytes; heap confinement and the stack check rewrite bodies after
 * any renumbering and add functions that are written once, before the sections that count them.
 */
public final class Patcher {
    /** relocate and placed end alike once their data is mapped (and, relocate, its sites rewritten). */
    private static final List<PatchStep> COMMON_TAIL = List.of(
            new CommonSteps.OpenEditor(),
            new HeapConfinement(),
            new StackCheck(),
            new CommonSteps.WriteAdditions(),
            new CommonSteps.AddressGlobals(),
            new CommonSteps.DataSegments(),
            new TableWindow.MoveElements(),
            new CommonSteps.MemoryImport(),
            new DebugInfo.Carry(),
            new CommonSteps.DropLinkMetadata());

    static final List<PatchStep> RELOCATE = join(List.of(
            new Refusals(),
            new RelocatePatcher.CheckRelocations(),
            new RelocatePatcher.MoveSites(),
            new TableWindow.MoveSites()), COMMON_TAIL);

    static final List<PatchStep> PLACED = join(List.of(
            new Refusals(),
            new PlacedPatcher.CheckPlaced()), COMMON_TAIL);

    /** pic binds the loader's globals instead of moving sites, so its sections are its own; the glue is shared. */
    static final List<PatchStep> PIC = List.of(
            new Refusals(),
            new PicPatcher.CheckPic(),
            new PicPatcher.BindLoaderGlobals(),
            new HeapConfinement(),
            new StackCheck(),
            new StartFunction(),
            new CommonSteps.WriteAdditions(),
            new PicPatcher.Globals(),
            new PicPatcher.DataSegments(),
            new PicPatcher.ElementSegments(),
            new PicPatcher.Imports(),
            new PicPatcher.Exports(),
            new PicPatcher.DropDylinkAndDebugInfo());

    private Patcher() {
    }

    /** Patches with {@code strategy}, or (null) the first strategy the facts say applies. */
    public static PatchResult patch(ParsedModule m, ModuleFacts facts, PatchStrategy strategy, Placement p) {
        PatchStrategy s = strategy != null ? strategy : PatchStrategy.ofWord(facts.preferredStrategy());
        if (s == null) {
            StringBuilder why = new StringBuilder("no patch strategy applies:");
            for (ModuleFacts.Strategy st : facts.strategies()) {
                why.append(' ').append(st.name()).append(": ").append(st.reason()).append(';');
            }
            throw new PatchException(why.substring(0, why.length() - 1));
        }
        List<PatchStep> steps;
        switch (s) {
            case RELOCATE: steps = RELOCATE; break;
            case PIC: steps = PIC; break;
            default: steps = PLACED;
        }
        PatchContext c = new PatchContext(m, facts, p, s);
        for (PatchStep step : steps) {
            step.apply(c);
        }
        // the record of what was done goes last, so it lists every step's lines
        List<String> actions = c.log.lines();
        c.editor.appendCustom(PatchRecord.SECTION, PatchRecord.payload(s.word(), p, actions));
        return new PatchResult(c.editor.write(), s.word(), actions, c.log.warnings());
    }

    private static List<PatchStep> join(List<PatchStep> first, List<PatchStep> then) {
        List<PatchStep> all = new ArrayList<>(first);
        all.addAll(then);
        return List.copyOf(all);
    }
}
