package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasi.WasiPreview1_ModuleFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WASI preview 1 for one module: its arguments (argv[0] is the module name), environment and stdin
 * file; stdout and stderr are kept, byte for byte, so each step can report what it printed. The three
 * standard streams look as a shell redirection makes them ({@link StandardStreams}).
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
        StandardStreams streams = new StandardStreams(m.stdin(), stdin(m));
        WasiOptions.Builder o = WasiOptions.builder()
                .withStdin(streams.stdin(), false)
                .withStdout(console == null ? stdout : console.tee(stdout), false)
                .withStderr(stderr, false)
                .withArguments(argv)
                .withThrowOnExit0(true); // exit(0) then ends like every other exit
        for (Map.Entry<String, String> e : m.env().entrySet()) {
            o.withEnvironment(e.getKey(), e.getValue());
        }
        this.wasi = WasiPreview1.builder().withOptions(o.build()).build();
        HostFunction[] chicory = WasiPreview1_ModuleFactory.toHostFunctions(wasi, MODULE);
        this.functions = new HostFunction[chicory.length];
        for (int i = 0; i < chicory.length; i++) {
            functions[i] = streams.wrap(chicory[i]);
        }
    }

    private static byte[] stdin(RunModule m) {
        if (m.stdin() == null) {
            return new byte[0];
        }
        try {
            return Files.readAllBytes(m.stdin());
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

    synchronized Captured stdoutSince(Output mark) {
        return since(stdout, mark.stdout());
    }

    synchronized Captured stderrSince(Output mark) {
        return since(stderr, mark.stderr());
    }

    private static Captured since(ByteArrayOutputStream s, int from) {
        byte[] all = s.toByteArray();
        return Captured.of(java.util.Arrays.copyOfRange(all, from, all.length));
    }

    @Override
    public void close() {
        wasi.close();
    }

    /** Sizes of stdout and stderr at a moment. */
    record Output(int stdout, int stderr) {
    }
}
