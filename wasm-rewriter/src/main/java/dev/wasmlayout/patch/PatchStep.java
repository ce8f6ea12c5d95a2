package dev.wasmlayout.patch;

/**
 * One step of a patch strategy. Steps run in the order {@link Patcher} writes down for each strategy,
 * each reading and adding to the one {@link PatchContext}; a step refuses a module by throwing
 * {@link PatchException}.
 */
interface PatchStep {
    void apply(PatchContext c);
}
