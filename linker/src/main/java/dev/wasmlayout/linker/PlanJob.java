package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Lock;
import dev.wasmlayout.layout.LockFile;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ManifestReader;
import dev.wasmlayout.planner.ModuleNeeds;
import dev.wasmlayout.planner.Plan;
import dev.wasmlayout.planner.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Manifest + inspected modules + previous lock -> plan. */
public final class PlanJob {
    private PlanJob() {
    }

    /** The outcome: the manifest, every module as read, and the plan. */
    public record Planned(Manifest manifest, List<LoadedModule> modules, Plan plan, Path lockRead) {
    }

    private static String reasons(LoadedModule m) {
        StringBuilder sb = new StringBuilder();
        for (var s : m.facts().strategies()) {
            sb.append(sb.length() == 0 ? "" : "; ").append(s.name()).append(": ").append(s.reason());
        }
        return sb.toString();
    }

    /**
     * The lock a link into {@code outDir} keeps addresses from, and so the one {@code plan -o DIR} reads: the
     * lock that folder holds from the last link, else null (then {@link #plan} reads the one beside the manifest).
     */
    public static Path lockIn(Path outDir) {
        Path lock = outDir.resolve(LockFile.FILE_NAME);
        return java.nio.file.Files.exists(lock) ? lock : null;
    }

    /** The lock beside the manifest: the one {@link #plan} reads when given none, and {@code plan --write-lock} writes. */
    public static Path lockBeside(Manifest manifest) {
        return manifest.folder().resolve(LockFile.FILE_NAME);
    }

    /** Every lock a plan for {@code outDir} may read ({@link #lockIn}, else {@link #lockBeside}), present or not. */
    public static List<Path> locksFor(Manifest manifest, Path outDir) {
        return List.of(outDir.resolve(LockFile.FILE_NAME), lockBeside(manifest));
    }

    /**
     * @param lock   the previous lock to keep addresses from; null = {@code wasm-layout.lock} beside the manifest
     * @param locked fail instead of moving a locked region
     */
    public static Planned plan(Path manifestFile, Path lock, boolean locked) {
        Manifest manifest = ManifestReader.load(manifestFile);
        List<LoadedModule> modules = ModuleLoader.load(manifest);
        List<ModuleNeeds> needs = new ArrayList<>();
        for (LoadedModule m : modules) {
            if (m.strategy() == null) {
                throw new LinkException(m.spec().wasmPath() + ": module '" + m.name() + "' cannot be moved: "
                        + reasons(m));
            }
            needs.add(Needs.of(m));
        }
        Path lockPath = lock != null ? lock : lockBeside(manifest);
        Lock previous = LockFile.readIfPresent(lockPath).orElse(null);
        Plan plan = Planner.plan(manifest, needs, previous, locked);
        return new Planned(manifest, modules, plan, previous == null ? null : lockPath);
    }
}
