package dev.wasmlayout.validator;

/**
 * Calls {@code module.export(args)}. An expectation left null is not checked. The exit code is the
 * one passed to WASI proc_exit; {@code _start} returning normally counts as exit 0.
 */
public record RunStep(String module, String export, long[] args, String expectStdout, Integer expectExit)
        implements Step {
    public RunStep {
        args = args == null ? new long[0] : args.clone();
    }

    public static RunStep call(String module, String export, long... args) {
        return new RunStep(module, export, args, null, null);
    }

    public static RunStep start(String module) {
        return new RunStep(module, "_start", new long[0], null, null);
    }

    @Override
    public long[] args() {
        return args.clone();
    }
}
