package dev.wasmlayout.linker;

import dev.wasmlayout.fuse.FuseException;
import dev.wasmlayout.fuse.Fuser;
import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.Region;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ModuleSpec;
import dev.wasmlayout.manifest.RunStep;
import dev.wasmlayout.patch.PatchException;
import dev.wasmlayout.patch.TableWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The step {@code link --fuse} adds after patching: each module's window in the one function table
 * (decided before patching, so the patch moves its function pointers there), then the patched
 * modules merged into {@link LinkJob#FUSED}.
 */
public final class FuseJob {
    private FuseJob() {
    }

    /**
     * What fusing produced: the module, what the fuser dropped (warnings), and the manifest's host
     * steps (write, load, dump), which {@code _start} cannot do and the host must.
     */
    public record Fused(byte[] bytes, List<String> warnings, List<String> leftToHost) {
    }

    /**
     * Each module's table base: windows follow each other from index 1 (index 0 stays null, so a null
     * function pointer still traps), in manifest order.
     */
    static Map<String, Long> tableBases(List<LoadedModule> modules, Set<String> leftOut) {
        Map<String, Long> out = new LinkedHashMap<>();
        long next = 1;
        for (LoadedModule m : modules) {
            if (leftOut.contains(m.name())) {
                continue;
            }
            TableWindow w;
            try {
                w = TableWindow.of(m.parsed());
            } catch (PatchException e) {
                throw new LinkException(m.spec().wasmPath() + ": module '" + m.name() + "': cannot fuse: " + e.getMessage());
            }
            if (w.size() == 0) {
                out.put(m.name(), 0L);
                continue;
            }
            out.put(m.name(), next - w.first());
            next += w.size();
        }
        return out;
    }

    static Fused fuse(Manifest manifest, Layout layout, List<LoadedModule> modules, Set<String> leftOut,
                      Map<String, byte[]> files, boolean importMemory) {
        List<Fuser.Unit> units = new ArrayList<>();
        Map<String, ModuleSpec> specs = new LinkedHashMap<>();
        for (LoadedModule m : modules) {
            if (leftOut.contains(m.name())) {
                continue;
            }
            List<String> argv = new ArrayList<>();
            argv.add(m.name()); // argv[0], as the validator's WASI host gives it
            argv.addAll(m.spec().wasi().argv());
            units.add(new Fuser.Unit(m.name(), files.get(m.name() + ".wasm"), argv, m.spec().wasi().env()));
            specs.put(m.name(), m.spec());
        }
        List<Fuser.Call> calls = null;
        List<String> host = new ArrayList<>();
        for (ModuleSpec spec : specs.values()) {
            if (spec.wasi().stdin() != null) {
                host.add("stdin of module '" + spec.name() + "' (" + spec.wasi().stdin()
                        + "): the fused module reads the host's one stdin");
            }
        }
        if (!manifest.run().isEmpty()) {
            calls = new ArrayList<>();
            for (RunStep step : manifest.run()) {
                step.write().ifPresent(t -> host.add("write " + t.region() + " (" + manifest.file() + ":" + t.location() + ")"));
                step.load().ifPresent(f -> host.add("load " + f.file() + " into " + f.region() + " (" + manifest.file() + ":"
                        + f.location() + ")"));
                if (step.call().isPresent() && !leftOut.contains(step.callModule().get())) {
                    List<Long> args = new ArrayList<>();
                    for (String a : step.args()) {
                        args.add(argument(manifest, layout, step, a));
                    }
                    calls.add(new Fuser.Call(step.callModule().get(), step.callExport().get(), args));
                }
                step.dump().ifPresent(f -> host.add("dump " + f.region() + " to " + f.file() + " (" + manifest.file() + ":"
                        + f.location() + ")"));
            }
        }
        Fuser.Options options = new Fuser.Options(layout.initialPages(), layout.maxPages(),
                importMemory ? manifest.memory().importModule() : null, importMemory ? manifest.memory().importField() : null,
                calls);
        try {
            Fuser.Fused f = Fuser.fuse(units, options);
            return new Fused(f.bytes(), f.warnings(), host);
        } catch (FuseException e) {
            ModuleSpec spec = e.module() == null ? null : specs.get(e.module());
            String where = spec == null ? manifest.file().toString() : spec.wasmPath() + ": module '" + spec.name() + "'";
            throw new LinkException(where + ": cannot fuse: " + e.getMessage());
        }
    }

    /** A run step argument as a link-time constant: a number, or a region name standing for the region's start. */
    private static long argument(Manifest manifest, Layout layout, RunStep step, String arg) {
        OptionalLong n = RunStep.number(arg);
        if (n.isPresent()) {
            return n.getAsLong();
        }
        return layout.region(arg).map(Region::start).orElseThrow(() -> new LinkException(manifest.file() + ":"
                + step.location() + ": argument '" + arg + "' is neither a number nor a region of the layout"));
    }
}
