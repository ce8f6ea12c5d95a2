package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Strategy;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.LockFile;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.patch.ImportStubs;
import dev.wasmlayout.patch.PatchException;
import dev.wasmlayout.patch.PatchResult;
import dev.wasmlayout.patch.Patcher;
import dev.wasmlayout.patch.Placement;
import dev.wasmlayout.wasm.WasmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans (or keeps the lock) and patches every module into the shared memory. Everything is built in
 * memory first and only then written, as one set that replaces the output folder's content
 * ({@link OutputFolder}): a failure, a failed check or a kill leaves the previous set or the new one.
 */
public final class LinkJob {
    public static final String LAYOUT_JSON = "layout.json";
    public static final String LINK_INFO = "link.json";

    private LinkJob() {
    }

    public static final String FUSED = "fused.wasm";

    /**
     * What to link: the manifest, where, whether the lock may move, optional modules to leave out, and
     * whether to also fuse the set into one module ({@value #FUSED}), defining its memory or, with
     * {@code importMemory}, importing the manifest's.
     */
    public record Request(Path manifest, Path outDir, boolean locked, Set<String> without, boolean fuse, boolean importMemory) {
        public Request(Path manifest, Path outDir, boolean locked, Set<String> without) {
            this(manifest, outDir, locked, without, false, false);
        }
    }

    /** A module as linked: its strategy, what patching did, and the part of that which lost something (debug info). */
    public record LinkedModule(String name, Strategy strategy, String file, List<String> actions, List<String> warnings) {
    }

    /**
     * The result; {@code fused} is null unless the request asked to fuse. {@code files} are what
     * {@link #link} writes, by name.
     */
    public record Linked(PlanJob.Planned planned, List<LinkedModule> modules, Map<String, byte[]> files, FuseJob.Fused fused) {
        public Layout layout() {
            return planned.plan().layout();
        }
    }

    /** Plans and patches without writing anything. */
    public static Linked prepare(Request req) {
        return prepare(req, message -> { });
    }

    /** As {@link #prepare(Request)}, telling {@code progress} what it is doing (for a terminal). */
    public static Linked prepare(Request req, java.util.function.Consumer<String> progress) {
        progress.accept("planning " + req.manifest());
        PlanJob.Planned planned = PlanJob.plan(req.manifest(), PlanJob.lockIn(req.outDir()), req.locked());
        Manifest manifest = planned.manifest();
        Set<String> leftOut = leftOut(manifest, req.without(), "--without");
        Layout layout = planned.plan().layout();
        List<LoadedModule> kept = new ArrayList<>();
        for (LoadedModule m : planned.modules()) {
            if (!leftOut.contains(m.name())) {
                kept.add(m);
            }
        }
        // each module is patched on its own (in parallel); files and results keep the manifest's order
        Map<String, Long> tableBases = req.fuse() ? FuseJob.tableBases(planned.modules(), leftOut) : Map.of();
        List<Patched> patched = PerModule.map(kept, m -> patch(m, manifest, layout, leftOut, tableBases.getOrDefault(m.name(), 0L),
                progress));
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<LinkedModule> linked = new ArrayList<>();
        for (Patched p : patched) {
            files.put(p.module().name() + ".wasm", p.bytes());
            linked.add(p.module());
        }
        FuseJob.Fused fused = null;
        if (req.fuse()) {
            progress.accept("fusing " + linked.size() + " modules into " + FUSED);
            fused = FuseJob.fuse(manifest, layout, planned.modules(), leftOut, files, req.importMemory());
            files.put(FUSED, fused.bytes());
        }
        files.put(LAYOUT_JSON, LayoutJson.write(layout).getBytes(StandardCharsets.UTF_8));
        files.put(LockFile.FILE_NAME, LockFile.write(layout).getBytes(StandardCharsets.UTF_8));
        files.putAll(Reports.files(layout));
        files.put(LINK_INFO, linkInfo(req, leftOut, files.keySet()).getBytes(StandardCharsets.UTF_8));
        return new Linked(planned, linked, files, fused);
    }

    private record Patched(LinkedModule module, byte[] bytes) {
    }

    private static Patched patch(LoadedModule m, Manifest manifest, Layout layout, Set<String> leftOut, long tableBase,
                                 java.util.function.Consumer<String> progress) {
        String file = m.spec().wasmPath().toString();
        progress.accept("patching " + m.name() + " (" + m.strategy().jsonName() + ")");
        Placement p = Placements.of(manifest, layout, m.spec()).withTableBase(tableBase);
        try {
            PatchResult r = Patcher.patch(m.parsed(), m.facts(), RewriterStrategy.of(m.strategy()), p);
            List<String> actions = new ArrayList<>(r.actions());
            List<String> warnings = new ArrayList<>(r.warnings());
            byte[] bytes = r.bytes();
            Set<String> stubbed = stubbedImports(m.spec(), leftOut);
            if (!stubbed.isEmpty()) {
                bytes = ImportStubs.apply(bytes, stubbed, actions, warnings);
            }
            return new Patched(new LinkedModule(m.name(), m.strategy(), file, actions, warnings), bytes);
        } catch (PatchException | WasmException e) {
            throw new LinkException(file + ": module '" + m.name() + "': " + e.getMessage());
        }
    }

    /** Plans, patches and writes every output into {@code req.outDir()}. */
    public static Linked link(Request req) {
        return link(req, message -> { });
    }

    public static Linked link(Request req, java.util.function.Consumer<String> progress) {
        return link(req, progress, staged -> true).linked();
    }

    /** A link and whether its files replaced the output folder (false: {@code check} refused them). */
    public record Written(Linked linked, boolean written) {
    }

    /**
     * Plans, patches, writes the new set beside {@code req.outDir()} and, when {@code check} accepts that
     * staged folder (as {@code link --validate} runs it), makes it the output folder's whole content.
     */
    public static Written link(Request req, java.util.function.Consumer<String> progress,
                               java.util.function.Predicate<Path> check) {
        OutputFolder.recover(req.outDir().toAbsolutePath().normalize()); // a killed link's set comes back before the lock is read
        Linked linked = prepare(req, progress);
        progress.accept("writing " + linked.files().size() + " files to " + req.outDir());
        boolean written = OutputFolder.replace(req.outDir(), linked.files(), previousFiles(req.outDir()), check);
        return new Written(linked, written);
    }

    /**
     * link.json: the manifest relative to the folder, the modules left out, every file of the set (a
     * link.json older than the list has no "files": null).
     */
    record LinkInfo(String manifest, Set<String> without, Set<String> files) {
        static LinkInfo read(Path file) throws IOException {
            return Json.read(Files.readString(file), LinkInfo.class);
        }
    }

    /** The files the previous link.json in {@code dir} lists (none when there is no such list). */
    private static Set<String> previousFiles(Path dir) {
        Path info = dir.resolve(LINK_INFO);
        if (!Files.isRegularFile(info)) {
            return Set.of();
        }
        try {
            Set<String> files = LinkInfo.read(info).files();
            return files == null ? Set.of() : new TreeSet<>(files);
        } catch (IOException e) {
            return Set.of(); // unreadable: only the names a link writes count as its files
        }
    }

    /**
     * The modules to leave out, checked against the manifest: each must exist and be optional.
     * {@code option} names where they came from in messages ({@code --without}, {@code <without>}).
     */
    public static Set<String> leftOut(Manifest manifest, java.util.Collection<String> without, String option) {
        Set<String> out = new TreeSet<>();
        for (String name : without) {
            if (name == null || name.isBlank()) {
                throw new LinkException(manifest.file() + ": " + option + " has an empty entry");
            }
            ModuleSpec spec = manifest.module(name).orElseThrow(() -> new LinkException(
                    manifest.file() + ": " + option + " " + name + ": the manifest has no module '" + name + "'"));
            if (!spec.optional()) {
                throw new LinkException(manifest.file() + ":" + spec.location() + ": " + option + " " + name + ": module '" + name
                        + "' is not optional (add 'optional: true' to leave it out)");
            }
            out.add(name);
        }
        return out;
    }

    /** Import module names of {@code spec} that a left-out module provides. */
    private static Set<String> stubbedImports(ModuleSpec spec, Set<String> leftOut) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : spec.imports().entrySet()) {
            if (leftOut.contains(e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * Where the manifest is, relative to the output folder, so `run DIR` finds the run steps; what was left
     * out; every file of the set (the next link replaces those and refuses to delete anything else).
     */
    private static String linkInfo(Request req, Set<String> leftOut, Set<String> others) {
        Path dir = req.outDir().toAbsolutePath().normalize();
        String manifest = dir.relativize(req.manifest().toAbsolutePath().normalize()).toString().replace('\\', '/');
        Set<String> files = new TreeSet<>(others);
        files.add(LINK_INFO);
        return Json.writeFile(new LinkInfo(manifest, leftOut, files));
    }
}
