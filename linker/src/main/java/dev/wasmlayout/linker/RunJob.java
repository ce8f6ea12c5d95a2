package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.validator.Captured;
import dev.wasmlayout.validator.DumpStep;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.LoadStep;
import dev.wasmlayout.validator.OwnedRegion;
import dev.wasmlayout.validator.RunModule;
import dev.wasmlayout.validator.RunReport;
import dev.wasmlayout.validator.RunSet;
import dev.wasmlayout.validator.RunStep;
import dev.wasmlayout.validator.SetupException;
import dev.wasmlayout.validator.Standalone;
import dev.wasmlayout.validator.StandaloneResult;
import dev.wasmlayout.validator.Step;
import dev.wasmlayout.validator.StepResult;
import dev.wasmlayout.validator.Validator;
import dev.wasmlayout.validator.ValidatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Runs a linked folder in the bundled interpreter with the manifest's run steps. */
public final class RunJob {
    private RunJob() {
    }

    public record Options(Engine engine, boolean collectAll, long stepTimeoutMillis, boolean differential) {
    }

    /**
     * One way a linked command differs from its original module run alone: {@code what} is "stdout" or
     * "stderr" (the bytes differ first at {@code offset}; {@code linked} and {@code alone} are hex around
     * it, the first differing byte in brackets; {@code linkedBytes}/{@code aloneBytes} are all of them) or
     * "outcome" ({@code linked} and {@code alone} say how each ended: "exit 0", "trap: ...", "timed out
     * after N ms"; offset and bytes are null).
     */
    public record Difference(String module, String what, Long offset, String linked, String alone,
                             Captured linkedBytes, Captured aloneBytes) {
        static Difference ofStream(String module, String what, Captured linked, Captured alone) {
            long at = Captured.firstDifference(linked, alone);
            return at < 0 ? null : new Difference(module, what, at, linked.hexAround(at), alone.hexAround(at), linked, alone);
        }

        /** One line: {@code stdout differs at byte 5 (linked 12 bytes, alone 12 bytes): linked ..., alone ...}. */
        public String describe() {
            if (offset == null) {
                return module + ": linked " + linked + ", alone " + alone;
            }
            return module + ": " + what + " differs at byte " + offset + " (linked " + linkedBytes.length() + " bytes, alone "
                    + aloneBytes.length() + " bytes): linked " + linked + ", alone " + alone;
        }
    }

    /** How large an original module's own memory was at the end of its run alone (how far it grew), in pages. */
    public record AloneMemory(String module, long pages) {
    }

    /**
     * @param alone with {@code --differential}, each original run alone and how far its memory grew (empty otherwise)
     * @param sharedPages the pages the shared memory starts with, to compare with {@code alone}
     */
    public record Outcome(RunReport report, List<Difference> differences, List<AloneMemory> alone, long sharedPages) {
        public Outcome(RunReport report, List<Difference> differences) {
            this(report, differences, List.of(), 0);
        }

        /**
         * How far the originals grew alone against the shared memory, the verdict said plainly: "alone, the
         * originals grew to 7 pages in all (a 2, b 5); the shared memory starts with 6 pages: sharing saves 1 page".
         */
        public String footprint() {
            StringBuilder sb = new StringBuilder("alone, the originals grew to ").append(pages(alonePages())).append(" in all (");
            for (int i = 0; i < alone.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(alone.get(i).module()).append(' ').append(alone.get(i).pages());
            }
            sb.append("); the shared memory starts with ").append(pages(sharedPages)).append(": ");
            long saved = alonePages() - sharedPages;
            return sb.append(saved > 0 ? "sharing saves " + pages(saved) : saved == 0 ? "the same number of pages"
                    : "sharing costs " + pages(-saved) + " more").toString();
        }

        private static String pages(long n) {
            return n + (n == 1 ? " page" : " pages");
        }

        /** Pages of every original run alone, added up. */
        public long alonePages() {
            return alone.stream().mapToLong(AloneMemory::pages).sum();
        }

        public int exitStatus() {
            return report.exitStatus() != 0 || !differences.isEmpty() ? 1 : 0;
        }
    }

    public static Outcome run(Path dir, Options options) {
        LinkedSet set = LinkedSet.read(dir);
        RunSet runSet = runSet(set);
        RunReport report;
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("wasm-layout-run");
            report = new Validator(runSet, new ValidatorOptions(options.engine(), options.collectAll(),
                    options.stepTimeoutMillis())).run(steps(set, scratch));
        } catch (SetupException e) {
            throw new LinkException(dir + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LinkException("cannot create a temporary folder: " + e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
        List<Difference> diffs = new ArrayList<>();
        List<AloneMemory> alone = new ArrayList<>();
        if (options.differential()) {
            differential(set, report, options, diffs, alone);
        }
        return new Outcome(report, diffs, alone, set.layout().initialPages());
    }

    static RunSet runSet(LinkedSet set) {
        Manifest m = set.manifest();
        List<RunModule> modules = new ArrayList<>();
        for (ModuleSpec spec : m.modules()) {
            if (set.without().contains(spec.name())) {
                continue;
            }
            byte[] wasm;
            try {
                wasm = Files.readAllBytes(set.module(spec.name()));
            } catch (IOException e) {
                throw new LinkException(set.module(spec.name()) + ": cannot read the linked module: " + e.getMessage());
            }
            modules.add(new RunModule(spec.name(), wasm, spec.imports(), spec.wasi().stdin(), spec.wasi().argv(),
                    spec.wasi().env()));
        }
        List<OwnedRegion> regions = new ArrayList<>();
        for (Region r : set.layout().regions()) {
            regions.add(new OwnedRegion(r.name(), r.kind().name().toLowerCase(Locale.ROOT), r.owner(), r.start(), r.end(),
                    writers(m, r.name())));
        }
        return new RunSet(m.memory().importModule(), m.memory().importField(), set.layout().initialPages(),
                set.layout().maxPages(), modules, regions);
    }

    private static Set<String> writers(Manifest m, String region) {
        Set<String> out = new HashSet<>();
        for (SharedSpec s : m.shared()) {
            if (s.name().equals(region)) {
                out.addAll(s.writers());
                out.add("host");
            }
        }
        for (ReserveSpec r : m.reserve()) {
            if (r.name().equals(region)) {
                out.addAll(r.writers());
            }
        }
        return out;
    }

    /** The manifest's run steps as validator steps; host text writes become files in {@code scratch}. */
    static List<Step> steps(LinkedSet set, Path scratch) throws IOException {
        List<Step> out = new ArrayList<>();
        Manifest m = set.manifest();
        if (m.run().isEmpty()) {
            for (ModuleSpec spec : m.modules()) {
                if (!set.without().contains(spec.name())) {
                    out.add(RunStep.start(spec.name()));
                }
            }
            return out;
        }
        int texts = 0;
        for (dev.wasmlayout.manifest.RunStep s : m.run()) {
            if (s.write().isPresent()) {
                Region r = region(set, s.write().get().region());
                Path f = scratch.resolve("text-" + texts++);
                Files.write(f, s.write().get().text().getBytes(StandardCharsets.UTF_8));
                out.add(new LoadStep(f, r.start(), r.end() - r.start()));
            }
            if (s.load().isPresent()) {
                Region r = region(set, s.load().get().region());
                out.add(new LoadStep(s.load().get().path(), r.start(), r.end() - r.start()));
            }
            if (s.call().isPresent() && !set.without().contains(s.callModule().orElseThrow())) {
                long[] args = new long[s.args().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = argument(set, s.args().get(i));
                }
                Integer exit = s.expectExit().isPresent() ? (int) s.expectExit().getAsLong() : null;
                out.add(new RunStep(s.callModule().orElseThrow(), s.callExport().orElseThrow(), args,
                        s.expectStdout().orElse(null), exit, s.expectResult().orElse(null)));
            }
            if (s.dump().isPresent()) {
                Region r = region(set, s.dump().get().region());
                out.add(new DumpStep(r.start(), r.end() - r.start(), s.dump().get().path()));
            }
        }
        return out;
    }

    /** A whole number as written (the manifest reader checked it), or a region name standing for its start. */
    private static long argument(LinkedSet set, String arg) {
        OptionalLong number = dev.wasmlayout.manifest.RunStep.number(arg);
        return number.isPresent() ? number.getAsLong() : region(set, arg).start();
    }

    private static Region region(LinkedSet set, String name) {
        for (Region r : set.layout().regions()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new LinkException(set.manifest().file() + ": run step names region '" + name + "', which the layout does not have");
    }

    private static void differential(LinkedSet set, RunReport report, Options options, List<Difference> out,
                                     List<AloneMemory> alone) {
        for (StepResult r : report.steps()) {
            if (!"_start".equals(r.export())) {
                continue;
            }
            ModuleSpec spec = set.manifest().module(r.module()).orElseThrow();
            byte[] original;
            try {
                original = Files.readAllBytes(spec.wasmPath());
            } catch (IOException e) {
                throw new LinkException(spec.wasmPath() + ": cannot read the original module: " + e.getMessage());
            }
            StandaloneResult result = Standalone.run(new RunModule(spec.name(), original, Map.of(), spec.wasi().stdin(),
                    spec.wasi().argv(), spec.wasi().env()), options.engine(), options.stepTimeoutMillis());
            if (!java.util.Objects.equals(r.ending(), result.ending())) {
                out.add(new Difference(r.module(), "outcome", null, r.ending(), result.ending(), null, null));
            }
            for (Difference d : new Difference[] {Difference.ofStream(r.module(), "stdout", r.stdout(), result.stdout()),
                Difference.ofStream(r.module(), "stderr", r.stderr(), result.stderr())}) {
                if (d != null) {
                    out.add(d);
                }
            }
            if (result.pages() >= 0) {
                alone.add(new AloneMemory(r.module(), result.pages()));
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
