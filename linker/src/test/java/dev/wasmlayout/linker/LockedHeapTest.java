package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmlayout.layout.Region;
import dev.wasmlayout.planner.Move;
import dev.wasmlayout.planner.PlanningException;
import dev.wasmlayout.validator.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relinking hog (resources/malloc: mallocs until NULL) with a smaller heap into a folder that holds the
 * lock of a larger one. malloc finds the heap's end through memory.size, so the heap must still end on
 * a page: it moves (and the link says so) and hog gets all of it, or with --locked the link is refused
 * naming the region and the bytes.
 */
class LockedHeapTest {
    private static final Pattern GOT = Pattern.compile("got (\\d+) bytes");

    @TempDir
    Path tmp;

    private Path manifest(String heap) throws Exception {
        Path hog = Paths.get(getClass().getResource("/malloc/hog.wasm").toURI());
        Files.copy(hog, tmp.resolve("hog.wasm"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path m = tmp.resolve("wasm-layout-" + heap + ".yaml");
        Files.writeString(m, "memory: { max: 1MiB }\nmodules:\n  - { name: hog, wasm: hog.wasm, stack: 8KiB, heap: " + heap
                + " }\n");
        return m;
    }

    @Test
    void aSmallerHeapMovesSoThatItStillEndsOnAPageAndMallocGetsAllOfIt() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.Linked first = LinkJob.link(new LinkJob.Request(manifest("128KiB"), out, false, Set.of()));
        Region before = Placements.find(first.layout(), "hog", dev.wasmlayout.layout.RegionKind.HEAP);
        assertThat(before.start()).isEqualTo(0x10000);
        assertThat(before.end()).isEqualTo(0x30000);

        LinkJob.Linked second = LinkJob.link(new LinkJob.Request(manifest("120KiB"), out, false, Set.of()));
        Region heap = Placements.find(second.layout(), "hog", dev.wasmlayout.layout.RegionKind.HEAP);
        // at its locked start 0x10000 a 120 KiB heap would end at 0x2e000, 8 KiB short of a page
        assertThat(second.planned().plan().moves()).containsExactly(new Move("hog.heap", 0x10000, heap.start(),
                "malloc finds its end through memory.size, so it must end on a 64 KiB page; at 0x10000 it would end at"
                        + " 0x2e000, 8192 bytes short of one"));
        assertThat(heap.end() % 0x10000).isZero();
        assertThat(heap.size()).isEqualTo(120 * 1024);
        assertThat(second.modules().get(0).warnings()).isEmpty();
        assertThat(VerifyJob.warnings(out)).isEmpty();

        RunJob.Outcome o = RunJob.run(out, new RunJob.Options(Engine.COMPILER, true, 30_000, false));
        assertThat(o.report().violations()).isEmpty();
        Matcher m = GOT.matcher(o.report().console().text());
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(120 * 1024 * 9 / 10).isLessThanOrEqualTo(120 * 1024);
    }

    @Test
    void lockedRefusesNamingTheHeapAndTheBytes() throws Exception {
        Path out = tmp.resolve("out");
        LinkJob.link(new LinkJob.Request(manifest("128KiB"), out, false, Set.of()));
        byte[] lock = Files.readAllBytes(out.resolve(dev.wasmlayout.layout.LockFile.FILE_NAME));
        Path smaller = manifest("120KiB");
        assertThatThrownBy(() -> LinkJob.link(new LinkJob.Request(smaller, out, true, Set.of())))
                .isInstanceOf(PlanningException.class)
                .hasMessageContaining("locked: hog.heap would move from 0x10000 to ")
                .hasMessageContaining("(malloc finds its end through memory.size, so it must end on a 64 KiB page; at"
                        + " 0x10000 it would end at 0x2e000, 8192 bytes short of one)");
        assertThat(Files.readAllBytes(out.resolve(dev.wasmlayout.layout.LockFile.FILE_NAME))).isEqualTo(lock); // nothing written
    }
}
