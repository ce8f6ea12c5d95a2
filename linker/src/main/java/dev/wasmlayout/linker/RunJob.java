package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.ReserveSpec;
import dev.wasmlayout.manifest.SharedSpec;
import dev.wasmlayout.validator.Captured;
import dev.wasmlayout.validator.DumpStep;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.FusedValidator;
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
import dev.wasmlayout.wasm.WasmException;
import dev.wasmlayout.wasm.sections.ModuleSections;
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
     * One way a run differs from another run of the same program: {@code run} names the run ("linked",
     * the shared-memory set, or "fused", {@value LinkJob#FUSED}) and {@code against} the other one
     * ("alone", the original module run by itself, or "shared", the shared-memory set's run of the same
     * step). {@code what} is "stdout" or "stderr" (the bytes differ first at {@code offset};
     * {@code linked} and {@code alone} are hex around it in the run and in the other one, the first
     * differing byte in brackets; {@code linkedBytes}/{@code aloneBytes} are all of them) or "outcome"
     * ({@code linked} and {@code alone} say how each ended: "exit 0", "trap: ...", "timed out after N
     * ms"; offset and bytes are null).
     */
    public record Difference(String module, String what, Long offset, String linked, String alone,
                             Captured linkedBytes, Captured aloneBytes, String run, String against) {
        static Difference ofStream(String module, String what, Captured linked, Captured alone, String run, String against) {
            long at = Captured.firstDifference(linked, alone);
            return at < 0 ? null : new Difference(module, what, at, linked.hexAround(at), alone.hexAround(at), linked, alone,
                    run, against);
        }

        /** One line: {@code stdout differs at byte 5 (linked 12 bytes, alone 12 bytes): linked ..., alone ...}. */
        public String describe() {
            if (offset == null) {
                return module + ": " + run + " " + linked + ", " + against + " " + alone;
            }
            return module + ": " + what + " differs at byte " + offset + " (" + run + " " + linkedBytes.length() + " bytes, "
                    + against + " " + aloneBytes.length() + " bytes): " + run + " " + linked + ", " + against + " " + alone;
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

    /**
     * Runs {@value LinkJob#FUSED} when the folder holds one ({@link #runFused}), else the linked set
     * ({@link #runShared}).
     */
    public static Outcome run(Path dir, Options options) {
        return Files.isRegularFile(dir.resolve(LinkJob.FUSED)) ? runFused(dir, options) : runShared(dir, options);
    }

    /**
     * Runs the linked modules, each its own instance over the one memory; with {@code differential},
     * each command's original module alone too.
     */
    public static Outcome runShared(Path dir, Options options) {
        LinkedSet set = LinkedSet.read(dir);
        RunSet runSet = runSet(set);
        RunReport report = withSteps(dir, set, steps -> new Validator(runSet, validatorOptions(options)).run(steps));
        List<Difference> diffs = new ArrayList<>();
        List<AloneMemory> alone = new ArrayList<>();
        if (options.differential()) {
            differential(set, report, options, "linked", diffs, alone);
        }
        return new Outcome(report, diffs, alone, set.layout().initialPages());
    }

    /**
     * Runs {@value LinkJob#FUSED} as one instance with the same steps and ownership check; with
     * {@code differential}, also the linked set (each step compared with the fused run's) and each
     * command's original module alone.
     */
    public static Outcome runFused(Path dir, Options options) {
        LinkedSet set = LinkedSet.read(dir);
        RunSet runSet = runSet(set);
        Path file = dir.resolve(LinkJob.FUSED);
        byte[] fused;
        try {
            fused = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LinkException(file + ": cannot read the fused module: " + e.getMessage());
        }
        List<Integer> dataCounts = new ArrayList<>();
        for (String name : modules(file, fused)) {
            RunModule m = runSet.module(name);
            if (m == null) {
                throw new LinkException(file + ": holds module '" + name + "', which " + dir + " does not (link again)");
            }
            try {
                dataCounts.add(ModuleSections.decode(dev.wasmlayout.wasm.WasmModule.read(m.wasm())).data.size());
            } catch (WasmException e) {
                throw new LinkException(set.module(name) + ": " + e.getMessage());
            }
        }
        RunReport report = withSteps(file, set,
                steps -> new FusedValidator(runSet, fused, dataCounts, validatorOptions(options)).run(steps));
        if (!options.differential()) {
            return new Outcome(report, List.of());
        }
        List<Difference> diffs = new ArrayList<>();
        RunReport shared = runShared(dir, new Options(options.engine(), options.collectAll(), options.stepTimeoutMillis(),
                false)).report();
        List<StepResult> a = report.steps();
        List<StepResult> b = shared.steps();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size()) {
                StepResult only = i < a.size() ? a.get(i) : b.get(i);
                diffs.add(new Difference(only.module(), "outcome", null, i < a.size() ? a.get(i).ending() : "no such step",
                        i < b.size() ? b.get(i).ending() : "no such step", null, null, "fused", "shared"));
                continue;
            }
            compare(a.get(i), b.get(i), "fused", "shared", diffs);
        }
        List<AloneMemory> alone = new ArrayList<>();
        differential(set, report, options, "fused", diffs, alone);
        return new Outcome(report, diffs, alone, set.layout().initialPages());
    }

    private static List<String> modules(Path file, byte[] fused) {
        try {
            return FusedValidator.modules(fused);
        } catch (SetupException e) {
            throw new LinkException(file + ": " + e.getMessage().replaceFirst("^fused.wasm: ", ""));
        }
    }

    private static ValidatorOptions validatorOptions(Options options) {
        return new ValidatorOptions(options.engine(), options.collectAll(), options.stepTimeoutMillis());
    }

    /** Runs {@code run} over the manifest's steps (host text writes staged in a temporary folder). */
    private static RunReport withSteps(Path where, LinkedSet set, java.util.function.Function<List<Step>, RunReport> run) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("wasm-layout-run");
            return run.apply(steps(set, scratch));
        } catch (SetupException e) {
            throw new LinkException(where + ": " + e.getMessage());
        } catch (IOException e) {
            throw new LinkException("cannot create a temporary folder: " + e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Adds how {@code r} differs from {@code other} (the same step run another way): its ending and its two streams. */
    private static void compare(StepResult r, StepResult other, String run, String against, List<Difference> out) {
        if (!java.util.Objects.equals(r.ending(), other.ending())) {
            out.add(new Difference(r.module(), "outcome", null, r.ending(), other.ending(), null, null, run, against));
        }
        for (Difference d : new Difference[] {Difference.ofStream(r.module(), "stdout", r.stdout(), other.stdout(), run, against),
            Difference.ofStream(r.module(), "stderr", r.stderr(), other.stderr(), run, against)}) {
            if (d != null) {
                out.add(d);
            }
        }
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
            regions.add(new OwnedRegion(r.name(), r.kind(), r.owner(), r.start(), r.end(),
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

    private static void differential(LinkedSet set, RunReport report, Options options, String run, List<Difference> out,
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
            StandaloneResult result;
            try {
                result = Standalone.run(new RunModule(spec.name(), original, Map.of(), spec.wasi().stdin(),
                        spec.wasi().argv(), spec.wasi().env()), options.engine(), options.stepTimeoutMillis());
            } catch (SetupException e) {
                throw new LinkException(spec.wasmPath() + ": --differential cannot run it alone: " + e.getMessage());
            }
            if (!java.util.Objects.equals(r.ending(), result.ending())) {
                out.add(new Difference(r.module(), "outcome", null, r.ending(), result.ending(), null, null, run, "alone"));
            }
            for (Difference d : new Difference[] {Difference.ofStream(r.module(), "stdout", r.stdout(), result.stdout(), run, "alone"),
                Difference.ofStream(r.module(), "stderr", r.stderr(), result.stderr(), run, "alone")}) {
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
