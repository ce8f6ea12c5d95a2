package dev.wasmlayout.cli;

import dev.wasmlayout.wasm.WasmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: bad input is 2 with no stack trace;
 * only a bug in wasm-layout itself prints one (so it can be reported).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        String msg = message(ex);
        if (msg == null) {
            cl.getErr().println("wasm-layout: internal error (please report): " + ex);
            ex.printStackTrace(cl.getErr());
            return 3;
        }
        cl.getErr().println("wasm-layout: " + msg);
        return BAD_INPUT;
    }

    private static String message(Throwable ex) {
        if (ex instanceof UserError) {
            return ex.getMessage();
        }
        if (ex instanceof FileError fe) {
            return fe.getMessage();
        }
        if (ex instanceof NoSuchFileException nf) {
            return nf.getFile() + ": no such file";
        }
        if (ex instanceof UncheckedIOException u) {
            return message(u.getCause());
        }
        if (ex instanceof IOException io) {
            return io.getMessage();
        }
        if (ex instanceof WasmException || ex instanceof dev.wasmlayout.linker.LinkException
                || ex instanceof dev.wasmlayout.source.SourceException
                || ex instanceof dev.wasmlayout.planner.PlanningException
                || ex instanceof dev.wasmlayout.patch.PatchException) {
            return ex.getMessage();
        }
        return null;
    }

    static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("wasm-layout: " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        return BAD_INPUT;
    }
}
