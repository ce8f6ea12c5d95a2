package dev.wasmlayout.patch;

import dev.wasmlayout.inspect.ModuleFacts;
import dev.wasmlayout.inspect.ParsedModule;

/** Chooses the strategy (the one asked for, or the first that applies) and patches the module. */
public final class Patcher {
    private Patcher() {
    }

    public static PatchResult patch(ParsedModule m, ModuleFacts facts, String strategy, Placement p) {
        String s = strategy != null ? strategy : facts.preferredStrategy();
        if (s == null) {
            StringBuilder why = new StringBuilder("no patch strategy applies:");
            for (ModuleFacts.Strategy st : facts.strategies()) {
                why.append(' ').append(st.name()).append(": ").append(st.reason()).append(';');
            }
            throw new PatchException(why.substring(0, why.length() - 1));
        }
        switch (s) {
            case "relocate":
                return RelocatePatcher.patch(m, facts, p);
            case "pic":
                return PicPatcher.patch(m, facts, p);
            case "placed":
                return PlacedPatcher.patch(m, facts, p);
            default:
                throw new PatchException("strategy '" + s + "' is not implemented yet");
        }
    }
}
