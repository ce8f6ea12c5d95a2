package dev.wasmlayout.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one subcommand class per job. */
@Command(name = "wasm-layout", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Plans one WebAssembly linear memory for several modules and links them into it.",
            "",
            "Start with:",
            "  wasm-layout link samples/pipeline/wasm-layout.yaml -o out/pipeline --validate",
            "  wasm-layout <command> --help    (each explains itself with an example)"
        },
        subcommands = {InspectCommand.class, PlanCommand.class, LinkCommand.class, RunCommand.class, VerifyCommand.class, ReportCommand.class, FlagsCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a check failed", "  2  bad input (malformed wasm, wrong manifest, impossible plan)"})
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams, so tests can read what a user would see. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110); // the descriptions are written for a wide terminal
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --engine compiler|interpreter
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::onBadArguments);
        return cl.execute(args);
    }
}
