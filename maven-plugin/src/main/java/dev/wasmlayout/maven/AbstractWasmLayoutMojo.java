package dev.wasmlayout.maven;

import dev.wasmlayout.linker.LinkException;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.source.SourceException;
import dev.wasmlayout.manifest.ManifestReader;
import dev.wasmlayout.patch.PatchException;
import dev.wasmlayout.planner.PlanningException;
import dev.wasmlayout.wasm.WasmException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the linked folder, {@code skip}, and the mapping of core
 * exceptions. Bad input and failed checks become {@link MojoFailureException} with the core's one-line
 * message (it names the file and the place); a parameter that cannot work names its POM element;
 * anything else that goes wrong reading or writing files is a {@link MojoExecutionException}.
 */
abstract class AbstractWasmLayoutMojo extends AbstractMojo {
    static final String PLUGIN = "wasm-layout-maven-plugin";

    /** Where the linked modules, layout.json, wasm-layout.lock and link.json go (inside the build output by default). */
    @Parameter(property = "wasmLayout.outputDirectory", defaultValue = "${project.build.outputDirectory}/wasm")
    File outputDirectory;

    /** Skip the goal. */
    @Parameter(property = "wasmLayout.skip", defaultValue = "false")
    boolean skip;

    /** Holds the fingerprints of the last successful runs ({@code link.sha256}, ...). */
    @Parameter(defaultValue = "${project.build.directory}/wasm-layout", readonly = true, required = true)
    File stateDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    /** The goal's name, for log lines. */
    abstract String goal();

    /** The goal's work; core exceptions may escape, {@link #execute()} maps them. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wasm-layout: skipping " + goal() + " (<skip> / wasmLayout.skip is true)");
            return;
        }
        try {
            run();
        } catch (LinkException | SourceException | PatchException | WasmException
                 | PlanningException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /** A configuration error: names the POM element and says where to set it. */
    static MojoFailureException configError(String element, String detail) {
        return new MojoFailureException("<" + element + "> " + detail + " (configure <" + element + "> in the "
                + PLUGIN + "'s <configuration>)");
    }

    static MojoExecutionException ioError(String what, IOException e) {
        return new MojoExecutionException(what + ": " + e.getMessage(), e);
    }

    /** {@code file} relative to the project's folder when it is inside it, for messages. */
    String display(File file) {
        return display(file.toPath());
    }

    String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (basedir != null) {
            Path base = basedir.toPath().toAbsolutePath().normalize();
            if (abs.startsWith(base) && !abs.equals(base)) {
                return base.relativize(abs).toString();
            }
        }
        return abs.toString();
    }

    /** The {@code <manifest>} parameter of goals that read one; null for those that do not. */
    File manifestParameter() {
        return null;
    }

    /** The manifest file, checked to exist. */
    Path manifestFile() throws MojoFailureException {
        File manifest = manifestParameter();
        if (manifest == null) {
            throw configError("manifest", "is not set");
        }
        Path m = manifest.toPath();
        if (!Files.exists(m)) {
            throw configError("manifest", display(m) + " does not exist");
        }
        if (!Files.isRegularFile(m)) {
            throw configError("manifest", display(m) + " is not a file");
        }
        return m;
    }

    /** The manifest, read and checked (its errors name the file, line and column). */
    Manifest readManifest() throws MojoFailureException {
        return ManifestReader.load(manifestFile());
    }

    Path outputDir() throws MojoFailureException {
        if (outputDirectory == null) {
            throw configError("outputDirectory", "is not set");
        }
        Path out = outputDirectory.toPath();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw configError("outputDirectory", display(out) + " is a file, not a folder");
        }
        return out;
    }

    String pluginVersion() {
        return plugin == null ? "development" : plugin.getVersion();
    }

    /**
     * True (and said in the log) when the last successful run of this goal had the same inputs and, when
     * {@code outputs} is not null, every file it wrote is still in that folder. Otherwise the stamp of that
     * run is deleted first, so a run that fails now leaves none: the next build runs again.
     */
    boolean upToDate(String stampName, String fingerprint, Path outputs) throws MojoExecutionException {
        Path file = stateDirectory.toPath().resolve(stampName);
        Optional<Stamp> last = Stamp.read(file);
        if (last.isPresent() && last.get().sameInputs(fingerprint) && (outputs == null || last.get().filesPresent(outputs))) {
            getLog().info("wasm-layout: inputs unchanged, skipping " + goal() + " ("
                    + (outputs == null ? "last run: " + String.join(" ", last.get().notes()) : display(outputs) + " is up to date")
                    + ")");
            return true;
        }
        try {
            Stamp.delete(file);
        } catch (IOException e) {
            throw ioError("cannot delete " + file, e);
        }
        return false;
    }

    /** Records a successful run: its inputs' fingerprint and {@code notes} (the files it wrote, or its summary). */
    void remember(String stampName, String fingerprint, List<String> notes) {
        new Stamp(fingerprint, notes).write(stateDirectory.toPath().resolve(stampName));
    }
}
