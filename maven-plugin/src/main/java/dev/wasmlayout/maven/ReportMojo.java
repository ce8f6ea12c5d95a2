package dev.wasmlayout.maven;

import dev.wasmlayout.layout.AtomicFiles;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.layout.report.ReportFormat;
import dev.wasmlayout.layout.report.Reports;
import dev.wasmlayout.linker.LinkJob;
import dev.wasmlayout.linker.PlanJob;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes reports of the memory layout into {@code reportDirectory}: by default {@code report.html}, one
 * self-contained page with the memory map drawn to scale. The layout is the one the link goal wrote
 * ({@code outputDirectory/layout.json}); without it the manifest is planned (nothing is linked).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class ReportMojo extends AbstractWasmLayoutMojo {
    static final String STAMP = "report.sha256";

    /** The wasm-layout.yaml to plan when the link goal has not written layout.json yet. */
    @Parameter(property = "wasmLayout.manifest", defaultValue = "${project.basedir}/src/main/wasm/wasm-layout.yaml")
    File manifest;

    /** Where the reports go. */
    @Parameter(property = "wasmLayout.reportDirectory", defaultValue = "${project.build.directory}/wasm-layout")
    File reportDirectory;

    /** Which reports: {@code html} (default), {@code md}, {@code text}, {@code json}, {@code c-header} (layout.h). */
    @Parameter(property = "wasmLayout.formats", defaultValue = "html")
    List<String> formats;

    @Override
    File manifestParameter() {
        return manifest;
    }

    @Override
    String goal() {
        return "report";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Set<ReportFormat> wanted = formats();
        if (reportDirectory == null) {
            throw configError("reportDirectory", "is not set");
        }
        Path dir = reportDirectory.toPath();
        Path linkedLayout = outputDir().resolve(LinkJob.LAYOUT_JSON);
        boolean linked = Files.isRegularFile(linkedLayout);
        Manifest m = linked ? null : readManifest();
        String fingerprint = fingerprint(wanted, dir, linkedLayout, m);
        if (upToDate(STAMP, fingerprint, dir)) {
            return;
        }
        Layout layout = linked ? LayoutJson.read(linkedLayout) : plan(m).plan().layout();
        List<String> written = new ArrayList<>();
        for (ReportFormat f : wanted) {
            Path file = dir.resolve(f.fileName());
            AtomicFiles.write(file, Reports.render(layout, f).getBytes(StandardCharsets.UTF_8));
            written.add(f.fileName());
            getLog().info("wasm-layout: " + f.cliName() + " report -> " + display(file));
        }
        remember(STAMP, fingerprint, written);
    }

    private PlanJob.Planned plan(Manifest m) throws MojoFailureException {
        return PlanJob.plan(m.file(), PlanJob.lockIn(outputDir()), false);
    }

    Set<ReportFormat> formats() throws MojoFailureException {
        Set<ReportFormat> out = new LinkedHashSet<>();
        if (formats == null || formats.isEmpty()) {
            out.add(ReportFormat.HTML);
            return out;
        }
        for (String f : formats) {
            String name = f == null ? "" : f.trim();
            out.add(ReportFormat.fromCliName(name).orElseThrow(() -> configError("formats",
                    "'" + name + "': expected one of " + String.join(", ", ReportFormat.cliNames()))));
        }
        return out;
    }

    private String fingerprint(Set<ReportFormat> wanted, Path dir, Path linkedLayout, Manifest m)
            throws MojoExecutionException {
        try {
            Fingerprint f = new Fingerprint(goal(), pluginVersion())
                    .value("reportDirectory", dir.toAbsolutePath().normalize())
                    .values("formats", wanted.stream().map(ReportFormat::cliName).toList());
            if (m == null) {
                f.file("layout", linkedLayout);
            } else {
                f.file("manifest", m.file());
                for (Path lock : PlanJob.locksFor(m, outputDirectory.toPath())) {
                    f.file("lock", lock);
                }
                for (ModuleSpec spec : m.modules()) {
                    f.file("module " + spec.name(), spec.wasmPath());
                }
            }
            return f.hex();
        } catch (IOException e) {
            throw ioError("cannot read the inputs of the report", e);
        }
    }
}
