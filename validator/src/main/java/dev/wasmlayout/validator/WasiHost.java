package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasi.WasiPreview1_ModuleFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WASI preview 1 for one module: its arguments (argv[0] is the module name), environment and stdin
 * file; stdout and stderr are kept so each step can report what it printed.
 */
final class WasiHost implements AutoCloseable {
    static final String MODULE = "wasi_snapshot_preview1";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final WasiPreview1 wasi;
    private final HostFunction[] functions;

    WasiHost(RunModule m) {
        this(m, null);
    }

    /** With a console, what the module prints also goes to the run's shared transcript. */
    WasiHost(RunModule m, Console console) {
        List<String> argv = new ArrayList<>();
        argv.add(m.name());
        argv.addAll(m.args());
        WasiOptions.Builder o = WasiOptions.builder()
                .withStdin(stdin(m))
                .withStdout(console == null ? stdout : console.tee(stdout))
                .withStderr(stderr)
                .withArguments(argv)
                .withThrowOnExit0(true); // exit(0) then ends like every other exit
        for (Map.Entry<String, String> e : m.env().entrySet()) {
            o.withEnvironment(e.getKey(), e.getValue());
        }
        this.wasi = WasiPreview1.builder().withOptions(o.build()).build();
        this.functions = WasiPreview1_ModuleFactory.toHostFunctions(wasi, MODULE);
    }

    private static InputStream stdin(RunModule m) {
        if (m.stdin() == null) {
            return new ByteArrayInputStream(new byte[0]);
        }
        try {
            return new ByteArrayInputStream(Files.readAllBytes(m.stdin()));
        } catch (IOException e) {
            throw new UncheckedIOException("module " + m.name() + ": cannot read stdin file " + m.stdin(), e);
        }
    }

    /** The host function a module imports as {@code wasi_snapshot_preview1.name}, or null. */
    HostFunction function(String name) {
        for (HostFunction f : functions) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** Bytes written to stdout so far (a step reports the part after its mark). */
    synchronized Output mark() {
        return new Output(stdout.size(), stderr.size());
    }

    synchronized String stdoutSince(Output mark) {
        return since(stdout, mark.stdout());
    }

    synchronized String stderrSince(Output mark) {
        return since(stderr, mark.stderr());
    }

    private static String since(ByteArrayOutputStream s, int from) {
        byte[] all = s.toByteArray();
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        wasi.close();
    }

    /** Sizes of stdout and stderr at a moment. */
    record Output(int stdout, int stderr) {
    }
}
