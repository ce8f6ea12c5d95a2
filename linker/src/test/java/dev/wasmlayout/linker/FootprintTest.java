package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.layout.Footprint;
import dev.wasmlayout.layout.report.ReportFormat;
import dev.wasmlayout.layout.report.Reports;
import dev.wasmlayout.validator.Engine;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footprint of samples/footprint, worked out by hand: like with like, and what the originals really grew to. */
class FootprintTest {
    @TempDir
    Path tmp;

    private static Path manifest() {
        return SamplesEndToEndTest.root().resolve("footprint/wasm-layout.yaml");
    }

    @Test
    void eachModuleAloneGetsTheSameStackAndHeap() {
        Footprint f = PlanJob.plan(manifest(), tmp.resolve("no.lock"), false).plan().layout().footprint();
        // Alone, each needs wasm-ld's 1 KiB below its data, its 8 KiB stack, its data (16-aligned) and its 64 KiB heap:
        //   checksum   1024 + 8192 +  5856 (0x16dc) + 65536 =  80608 -> 2 pages
        //   tokenizer  1024 + 8192 +  5808 (0x16b0) + 65536 =  80560 -> 2 pages
        //   sieve      1024 + 8192 + 34368 (0x863c) + 65536 = 109120 -> 2 pages
        //   encoder    1024 + 8192 +  4816 (0x12cc) + 65536 =  79568 -> 2 pages
        // Shared: the last region (encoder.data) ends at 0x5697c -> 6 pages.
        assertThat(f).isEqualTo(new Footprint(0x5697c, 6, 8));
        assertThat(Reports.render(PlanJob.plan(manifest(), tmp.resolve("no.lock"), false).plan().layout(), ReportFormat.TEXT))
                .contains("footprint  one shared memory of 6 pages (384 KiB, 346.4 KiB used) against 8 pages (512 KiB)"
                        + " for the modules in separate memories with the same stacks and heaps: sharing saves 2 pages"
                        + " (128 KiB, 25.0%)\n");
    }

    @Test
    void aDifferentialRunShowsHowFarTheOriginalsGrew() {
        LinkJob.link(new LinkJob.Request(manifest(), tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(Engine.COMPILER, true, 30_000, true));
        // as linked, each original's memory is its initial size; only tokenizer's stays at 1 page
        assertThat(o.footprint()).isEqualTo("alone, the originals grew to 7 pages in all (checksum 2, tokenizer 1, sieve 2,"
                + " encoder 2); the shared memory starts with 6 pages: sharing saves 1 page");
    }
}
