package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmlayout.validator.Engine;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two wasi-libc programs that malloc until NULL in one memory (resources/malloc, rebuilt by its
 * build.sh): malloc ends with NULL inside each module's own heap, nobody writes outside its regions,
 * and each gets most of its planned heap (64 KiB and 128 KiB).
 */
class MallocUntilNullTest {
    private static final Pattern GOT = Pattern.compile("(hog\\d): got (\\d+) bytes in (\\d+) blocks");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachHogGetsMostOfItsHeapAndNoMore(Engine engine) throws Exception {
        Path manifest = Paths.get(getClass().getResource("/malloc/wasm-layout.yaml").toURI());
        LinkJob.link(new LinkJob.Request(manifest, tmp, false, Set.of()));
        RunJob.Outcome o = RunJob.run(tmp, new RunJob.Options(engine, true, 30_000, false));
        assertThat(o.report().violations()).isEmpty();
        assertThat(o.report().steps()).allMatch(s -> s.ok() && s.exitCode() == 0);
        Matcher m = GOT.matcher(o.report().console().text());
        int seen = 0;
        while (m.find()) {
            long heap = m.group(1).equals("hog1") ? 64 * 1024 : 128 * 1024;
            long got = Long.parseLong(m.group(2));
            assertThat(got).as(m.group(1)).isGreaterThanOrEqualTo(heap * 9 / 10).isLessThanOrEqualTo(heap);
            assertThat(Long.parseLong(m.group(3)) * 1024).isEqualTo(got); // every block still holds what was written
            seen++;
        }
        assertThat(seen).isEqualTo(2);
    }
}
