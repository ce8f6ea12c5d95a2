package dev.wasmlayout.maven;

import dev.wasmlayout.linker.LinkJob;
import dev.wasmlayout.linker.LinkedSet;
import dev.wasmlayout.linker.RunJob;
import dev.wasmlayout.linker.RunText;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.RunStep;
import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.ValidatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the linked set of {@code outputDirectory} in the bundled interpreter, in one memory, with the
 * manifest's run steps, and fails the build on any write outside the writer's regions, any failed
 * step and (with {@code differential}) any difference from the original modules run alone. Skipped
 * when the linked files, the manifest and the parameters are those of the last clean run.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractWasmLayoutMojo {
    static final String STAMP = "validate.sha256";

    /** {@code compiler} (Chicory's bytecode compiler, the default) or {@code interpreter}. */
    @Parameter(property = "wasmLayout.engine", defaultValue = "compiler")
    Engine engine = Engine.COMPILER;

    /** The text of an {@code <engine>} that names no engine, reported by {@link #options()} with the element. */
    private String unknownEngine;

    /**
     * Maven sets {@code <engine>} through this setter, not the field: its own enum conversion wants the
     * constant's exact name, the POM has always said {@code compiler} and {@code interpreter}.
     */
    public void setEngine(String name) {
        String n = name == null ? "" : name.trim();
        unknownEngine = null;
        engine = Arrays.stream(Engine.values()).filter(e -> e.name().equalsIgnoreCase(n)).findFirst().orElse(null);
        if (engine == null) {
            unknownEngine = name;
        }
    }

    /** Record every violation instead of stopping each step at the first. */
    @Parameter(property = "wasmLayout.collectAll", defaultValue = "false")
    boolean collectAll;

    /** Time limit of each run step (instantiation included), in milliseconds. */
    @Parameter(property = "wasmLayout.stepTimeoutMillis", defaultValue = "10000")
    long stepTimeoutMillis = ValidatorOptions.DEFAULT_TIMEOUT_MILLIS;

    /** Also run each original module alone and fail when its output or exit code differs. */
    @Parameter(property = "wasmLayout.differential", defaultValue = "false")
    boolean differential;

    @Override
    String goal() {
        return "validate";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        RunJob.Options options = options();
        Path dir = outputDir();
        if (!Files.isRegularFile(dir.resolve(LinkJob.LINK_INFO))) {
            throw configError("outputDirectory", display(dir) + " holds no linked set (no " + LinkJob.LINK_INFO
                    + "): run the link goal first, or point <outputDirectory> at its output");
        }
        LinkedSet set = LinkedSet.read(dir);
        String fingerprint = fingerprint(set);
        if (upToDate(STAMP, fingerprint, null)) {
            return;
        }
        RunJob.Outcome outcome = RunJob.run(dir, options);
        for (RunText.Line line : RunText.lines(outcome)) { // the lines `wasm-layout run` prints
            switch (line.level()) {
                case INFO -> getLog().info(line.text());
                case WARN -> getLog().warn(line.text());
                case ERROR -> getLog().error(line.text());
            }
        }
        String summary = RunText.summary(outcome);
        if (outcome.exitStatus() != 0) {
            throw new MojoFailureException("wasm-layout: validation of " + display(dir) + " failed: " + summary);
        }
        remember(STAMP, fingerprint, List.of(summary));
    }

    RunJob.Options options() throws MojoFailureException {
        if (engine == null) {
            throw configError("engine", "'" + unknownEngine + "': expected compiler or interpreter");
        }
        if (stepTimeoutMillis <= 0) {
            throw configError("stepTimeoutMillis", stepTimeoutMillis + ": expected a positive number of milliseconds");
        }
        return new RunJob.Options(engine, collectAll, stepTimeoutMillis, differential);
    }

    /** The linked files, the manifest, the files its run steps load, the originals (differential), the options. */
    private String fingerprint(LinkedSet set) throws MojoExecutionException {
        try {
            Fingerprint f = new Fingerprint(goal(), pluginVersion())
                    .value("engine", engine).value("collectAll", collectAll)
                    .value("stepTimeoutMillis", stepTimeoutMillis).value("differential", differential)
                    .file("manifest", set.manifest().file());
            try (Stream<Path> files = Files.list(set.dir())) {
                for (Path p : files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    f.file("linked", p);
                }
            }
            for (RunStep s : set.manifest().run()) {
                if (s.load().isPresent()) {
                    f.file("load", s.load().get().path());
                }
            }
            if (differential) {
                for (ModuleSpec spec : set.manifest().modules()) {
                    f.file("original " + spec.name(), spec.wasmPath());
                }
            }
            return f.hex();
        } catch (IOException e) {
            throw ioError("cannot read the linked set in " + display(set.dir()), e);
        }
    }
}
