package dev.wasmlayout.linker;

import dev.wasmlayout.layout.AtomicFiles;
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
 * memory first and only then written, each file through a temp file and a rename, so a failure leaves
 * the output folder as it was.
 */
public final class LinkJob {
    public static final String LAYOUT_JSON = "layout.json";
    public static final String LINK_INFO = "link.json";

    private LinkJob() {
    }

    /** What to link: the manifest, where, whether the lock may move, optional modules to leave out. */
    public record Request(Path manifest, Path outDir, boolean locked, Set<String> without) {
    }

    /** A module as linked: its strategy, what patching did, and the part of that which lost something (debug info). */
    public record LinkedModule(String name, String strategy, String file, List<String> actions, List<String> warnings) {
    }

    public record Linked(PlanJob.Planned planned, List<LinkedModule> modules, Map<String, byte[]> files) {
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
        Path lock = Files.exists(req.outDir().resolve(LockFile.FILE_NAME)) ? req.outDir().resolve(LockFile.FILE_NAME) : null;
        PlanJob.Planned planned = PlanJob.plan(req.manifest(), lock, req.locked());
        Manifest manifest = planned.manifest();
        Set<String> leftOut = leftOut(manifest, req.without());
        Layout layout = planned.plan().layout();
        List<LoadedModule> kept = new ArrayList<>();
        for (LoadedModule m : planned.modules()) {
            if (!leftOut.contains(m.name())) {
                kept.add(m);
            }
        }
        // each module is patched on its own (in parallel); files and results keep the manifest's order
        List<Patched> patched = PerModule.map(kept, m -> patch(m, manifest, layout, leftOut, progress));
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<LinkedModule> linked = new ArrayList<>();
        for (Patched p : patched) {
            files.put(p.module().name() + ".wasm", p.bytes());
            linked.add(p.module());
        }
        files.put(LAYOUT_JSON, LayoutJson.write(layout).getBytes(StandardCharsets.UTF_8));
        files.put(LockFile.FILE_NAME, LockFile.write(layout).getBytes(StandardCharsets.UTF_8));
        files.put(LINK_INFO, linkInfo(req, leftOut).getBytes(StandardCharsets.UTF_8));
        files.putAll(Reports.files(layout));
        return new Linked(planned, linked, files);
    }

    private record Patched(LinkedModule module, byte[] bytes) {
    }

    private static Patched patch(LoadedModule m, Manifest manifest, Layout layout, Set<String> leftOut,
                                 java.util.function.Consumer<String> progress) {
        String file = m.spec().wasmPath().toString();
        progress.accept("patching " + m.name() + " (" + m.strategy() + ")");
        Placement p = Placements.of(manifest, layout, m.spec());
        try {
            PatchResult r = Patcher.patch(m.parsed(), m.facts(), m.strategy(), p);
            List<String> actions = new ArrayList<>(r.actions());
            List<String> warnings = new ArrayList<>(r.warnings());
            byte[] bytes = r.bytes();
            Set<String> stubbed = stubbedImports(m.spec(), leftOut);
            if (!stubbed.isEmpty()) {
                bytes = ImportStubs.apply(bytes, stubbed, actions, warnings);
            }
            return new Patched(new LinkedModule(m.name(), r.strategy(), file, actions, warnings), bytes);
        } catch (PatchException | WasmException e) {
            throw new LinkException(file + ": module '" + m.name() + "': " + e.getMessage());
        }
    }

    /** Plans, patches and writes every output into {@code req.outDir()}. */
    public static Linked link(Request req) {
        return link(req, message -> { });
    }

    public static Linked link(Request req, java.util.function.Consumer<String> progress) {
        Linked linked = prepare(req, progress);
        progress.accept("writing " + linked.files().size() + " files to " + req.outDir());
        try {
            Files.createDirectories(req.outDir());
        } catch (IOException e) {
            throw new LinkException(req.outDir() + ": cannot create the output folder: " + e.getMessage());
        }
        for (Map.Entry<String, byte[]> f : linked.files().entrySet()) {
            AtomicFiles.write(req.outDir().resolve(f.getKey()), f.getValue());
        }
        return linked;
    }

    private static Set<String> leftOut(Manifest manifest, Set<String> without) {
        Set<String> out = new TreeSet<>();
        for (String name : without) {
            ModuleSpec spec = manifest.module(name).orElseThrow(() -> new LinkException(
                    manifest.file() + ": --without " + name + ": the manifest has no module '" + name + "'"));
            if (!spec.optional()) {
                throw new LinkException(manifest.file() + ":" + spec.location() + ": --without " + name + ": module '" + name
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

    /** Where the manifest is, relative to the output folder, so `run DIR` finds the run steps. */
    private static String linkInfo(Request req, Set<String> leftOut) {
        Path dir = req.outDir().toAbsolutePath().normalize();
        String manifest = dir.relativize(req.manifest().toAbsolutePath().normalize()).toString().replace('\\', '/');
        StringBuilder sb = new StringBuilder("{\n  \"manifest\" : \"").append(Json.escape(manifest)).append("\",\n  \"without\" : [");
        int i = 0;
        for (String s : leftOut) {
            sb.append(i++ == 0 ? " " : ", ").append('"').append(Json.escape(s)).append('"');
        }
        return sb.append(i == 0 ? "]\n}\n" : " ]\n}\n").toString();
    }
}
