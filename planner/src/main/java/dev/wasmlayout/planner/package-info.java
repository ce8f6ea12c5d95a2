/**
 * Gives every region of the shared memory an address: {@link dev.wasmlayout.planner.Planner#plan}
 * takes the manifest, each module's {@link dev.wasmlayout.planner.ModuleNeeds} and optionally the
 * previous lock, and returns a {@link dev.wasmlayout.planner.Plan} or throws a one-line
 * {@link dev.wasmlayout.planner.PlanningException}. Defaults are in {@link dev.wasmlayout.planner.PlanDefaults}.
 */
package dev.wasmlayout.planner;
