package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmlayout.validator.Engine;
import dev.wasmlayout.validator.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A recursion 30 KiB deep with an 8 KiB stack whose own heap lies right below it (resources/overflow,
 * rebuilt by its build.sh). Linked with the stack check it traps at the stack's start, in Chicory (both
 * engines) and in V8; linked with {@code stack-check: false} it writes into the block it malloc'd.
 */
class StackOverflowTest {
    private static final String OVERFLOW = "stack overflow: deep in sum: stack pointer 0xffd0 below deep.stack"
            + " (starts 0x10000)";

    @TempDir
    Path tmp;

    private Path manifest(String file) throws Exception {
        return Paths.get(getClass().getResource("/overflow/" + file).toURI());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theValidatorNamesTheOverflow(Engine engine) throws Exception {
        LinkJob.link(new LinkJob.Request(manifest("wasm-layout.yaml"), tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(engine, true, 30_000, false));
        StepResult step = o.report().steps().get(0);
        // the stack is 0x10000..0x12000; sum's frame is 1 KiB and a bit: the first one below the start traps
        assertThat(step.failure()).isEqualTo(OVERFLOW);
        assertThat(o.exitStatus()).isEqualTo(1);
        assertThat(o.report().console().text()).doesNotContain("heap corrupted");
    }

    @Test
    void withoutTheCheckTheOverflowCorruptsItsOwnHeapUnseen() throws Exception {
        LinkJob.link(new LinkJob.Request(manifest("unchecked.yaml"), tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(Engine.COMPILER, true, 30_000, false));
        assertThat(o.report().violations()).isEmpty(); // its own heap: nothing the validator can tell from a legal write
        assertThat(o.report().steps().get(0).exitCode()).isEqualTo(3);
        assertThat(o.report().console().text()).startsWith("heap corrupted at offset ");
    }

    @Test
    void v8TrapsThroughTheOverflowFunction() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "node is not installed");
        Path checked = tmp.resolve("checked");
        Path unchecked = tmp.resolve("unchecked");
        LinkJob.link(new LinkJob.Request(manifest("wasm-layout.yaml"), checked, false, Set.of()));
        LinkJob.link(new LinkJob.Request(manifest("unchecked.yaml"), unchecked, false, Set.of()));

        List<String> trapped = node(checked, "30");
        assertThat(trapped.get(0)).isEqualTo("exit 134");
        assertThat(trapped.get(1)).isEqualTo("trap: unreachable");
        assertThat(trapped.get(2)).startsWith("at deep.wasm.__wasm_layout_stack_overflow ");
        assertThat(trapped.get(3)).startsWith("at deep.wasm.__wasm_layout_stack_set ");
        assertThat(trapped.get(4)).startsWith("at deep.wasm.sum ");
        assertThat(node(checked, "4")).containsExactly("exit 0", "depth 4 sum 11");
        List<String> corrupted = node(unchecked, "30");
        assertThat(corrupted.get(0)).isEqualTo("exit 3");
        assertThat(corrupted.get(1)).startsWith("heap corrupted at offset ");
    }

    /** Runs the linked deep.wasm's _start in node with a memory of the planned 2..16 pages: "exit N", then its lines. */
    private List<String> node(Path dir, String depth) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/node", "--no-warnings", manifest("run-in-node.mjs").toString(),
                dir.resolve("deep.wasm").toString(), "2", "16", depth).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new ArrayList<>();
        lines.add("exit " + p.exitValue());
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return lines;
    }
}
