package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of the validator's run: optionally load a file into a region, call an export, check its
 * output and exit code, dump a region. Kept loose on purpose (arguments stay text as written) because
 * only the validator knows the export's signature.
 *
 * @param call "module.export", or empty for a step that only loads or dumps
 * @param args the arguments as written, converted by the validator
 */
public record RunStep(Optional<String> call, List<String> args, Optional<String> expectStdout,
                      OptionalLong expectExit, Optional<RegionFile> load, Optional<RegionFile> dump,
                      Location location) {

    public RunStep {
        Objects.requireNonNull(call, "call");
        args = List.copyOf(args);
        Objects.requireNonNull(expectStdout, "expectStdout");
        Objects.requireNonNull(expectExit, "expectExit");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(dump, "dump");
    }

    /** The module part of {@code call}. */
    public Optional<String> callModule() {
        return call.map(c -> c.substring(0, c.indexOf('.')));
    }

    /** The export part of {@code call}. */
    public Optional<String> callExport() {
        return call.map(c -> c.substring(c.indexOf('.') + 1));
    }
}
