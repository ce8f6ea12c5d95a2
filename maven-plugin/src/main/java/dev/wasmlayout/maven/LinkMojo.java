package dev.wasmlayout.maven;

import dev.wasmlayout.linker.LinkException;
import dev.wasmlayout.linker.LinkJob;
import dev.wasmlayout.linker.PlanJob;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Plans one memory for the manifest's modules (keeping the addresses of the previous lock) and writes
 * the patched modules, {@code layout.json}, {@code wasm-layout.lock} and {@code link.json} into
 * {@code outputDirectory}. Nothing is written when anything fails. When the manifest, the modules,
 * the locks and the parameters are those of the last successful link and its outputs are all there,
 * the link is skipped.
 */
@Mojo(name = "link", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class LinkMojo extends AbstractWasmLayoutMojo {
    static final String STAMP = "link.sha256";

    /** The wasm-layout.yaml to link; module paths in it are relative to its folder. */
    @Parameter(property = "wasmLayout.manifest", defaultValue = "${project.basedir}/src/main/wasm/wasm-layout.yaml")
    File manifest;

    /** Fail instead of moving any region recorded in the lock. */
    @Parameter(property = "wasmLayout.locked", defaultValue = "false")
    boolean locked;

    /** Optional modules to leave out; imports from them become stubs returning zero. */
    @Parameter(property = "wasmLayout.without")
    List<String> without;

    /**
     * Also write {@code fused.wasm}: the whole set as one module, for runtimes that cannot give several
     * instances one memory (WAMR, wasm3, AOT compilers).
     */
    @Parameter(property = "wasmLayout.fuse", defaultValue = "false")
    boolean fuse;

    /** With {@code fuse}: the fused module imports the manifest's memory instead of defining it. */
    @Parameter(property = "wasmLayout.importMemory", defaultValue = "false")
    boolean importMemory;

    @Override
    File manifestParameter() {
        return manifest;
    }

    @Override
    String goal() {
        return "link";
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Manifest m = readManifest();
        Set<String> leftOut = leftOut(m);
        if (importMemory && !fuse) {
            throw configError("importMemory", "only applies with <fuse>true</fuse>");
        }
        Path out = outputDir();
        if (upToDate(STAMP, fingerprint(m, out, leftOut), out)) {
            return;
        }
        LinkJob.Linked linked = LinkJob.link(new LinkJob.Request(m.file(), out, locked, leftOut, fuse, importMemory));
        for (dev.wasmlayout.planner.Move mv : linked.planned().plan().moves()) {
            getLog().info(String.format("wasm-layout: moved %s from 0x%x to 0x%x (%s)", mv.region(), mv.oldStart(),
                    mv.newStart(), mv.reason()));
        }
        for (String w : linked.planned().plan().warnings()) {
            getLog().warn("wasm-layout: " + w);
        }
        for (LinkJob.LinkedModule lm : linked.modules()) {
            getLog().info("wasm-layout: linked " + lm.name() + " (" + lm.strategy().jsonName() + ") -> " + display(out.resolve(lm.name() + ".wasm")));
            for (String w : lm.warnings()) {
                getLog().warn("wasm-layout: " + lm.name() + ": " + w);
            }
        }
        if (linked.fused() != null) {
            getLog().info("wasm-layout: fused " + linked.modules().size() + " modules -> " + display(out.resolve(LinkJob.FUSED)));
            for (String w : linked.fused().warnings()) {
                getLog().warn("wasm-layout: fused: " + w);
            }
            for (String h : linked.fused().leftToHost()) {
                getLog().info("wasm-layout: fused: left to the host: " + h);
            }
        }
        getLog().info(String.format("wasm-layout: one memory of %d..%d pages, %d regions; layout in %s",
                linked.layout().initialPages(), linked.layout().maxPages(), linked.layout().regions().size(),
                display(out.resolve(LinkJob.LAYOUT_JSON))));
        // fingerprinted after the link: the lock it wrote is an input of the next one
        remember(STAMP, fingerprint(m, out, leftOut), new ArrayList<>(linked.files().keySet()));
    }

    /** {@code <without>} checked against the manifest as {@code --without} is, the message naming the POM element. */
    Set<String> leftOut(Manifest m) throws MojoFailureException {
        try {
            return LinkJob.leftOut(m, without == null ? List.of() : without.stream().map(n -> n == null ? "" : n.trim()).toList(),
                    "<without>");
        } catch (LinkException e) {
            throw new MojoFailureException(e.getMessage() + " (configure <without> in the " + PLUGIN + "'s <configuration>)");
        }
    }

    private String fingerprint(Manifest m, Path out, Set<String> leftOut) throws MojoExecutionException {
        try {
            Fingerprint f = new Fingerprint(goal(), pluginVersion())
                    .value("outputDirectory", out.toAbsolutePath().normalize())
                    .value("locked", locked)
                    .value("fuse", fuse)
                    .value("importMemory", importMemory)
                    .values("without", leftOut)
                    .file("manifest", m.file());
            for (Path lock : PlanJob.locksFor(m, out)) {
                f.file("lock", lock);
            }
            for (ModuleSpec spec : m.modules()) {
                f.file("module " + spec.name(), spec.wasmPath());
            }
            return f.hex();
        } catch (IOException e) {
            throw ioError("cannot read the inputs of " + display(m.file()), e);
        }
    }
}
