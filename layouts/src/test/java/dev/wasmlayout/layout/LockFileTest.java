package dev.wasmlayout.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

    @TempDir
    Path dir;

    /** The lock of {@link LayoutFixtures#small()}, as it must always be written. */
    private static final String SMALL_LOCK = """
                # wasm-layout.lock: the addresses of the last plan, written by wasm-layout.
                # Commit it: the next plan keeps every region here unless it no longer fits.
                version: 1
                regions:
                  - {name: "null-guard", kind: guard, owner: null, start: 0x0, end: 0x400, align: 1}
                  - {name: "app.stack", kind: stack, owner: "app", start: 0x400, end: 0x1400, align: 16}
                  - {name: "app.data", kind: data, owner: "app", start: 0x1400, end: 0x1800, align: 16}
                  - {name: "app.heap", kind: heap, owner: "app", start: 0x1800, end: 0x11800, align: 16}
                  - {name: "ring", kind: shared, owner: null, start: 0x11800, end: 0x12000, align: 64}
                """;

    @Test
    void writesOneRegionPerLineInAddressOrder() {
        assertThat(LockFile.write(LayoutFixtures.small())).isEqualTo(SMALL_LOCK);
    }

    @Test
    void readsBackIntoAMapByName() {
        Layout layout = LayoutFixtures.small();
        LockFile.writeTo(dir.resolve(LockFile.FILE_NAME), layout);

        Lock lock = LockFile.readIfPresent(dir.resolve(LockFile.FILE_NAME)).orElseThrow();

        assertThat(lock.regions()).isEqualTo(layout.regions());
        assertThat(lock.byName().keySet()).containsExactly("null-guard", "app.stack", "app.data", "app.heap", "ring");
        assertThat(lock.byName().get("ring")).isEqualTo(new Region("ring", RegionKind.SHARED, null, 0x11800, 0x12000, 64));
    }

    @Test
    void noLockYetIsEmpty() {
        assertThat(LockFile.readIfPresent(dir.resolve("wasm-layout.lock"))).isEmpty();
    }

    @Test
    void namesThatLookLikeYamlWordsStayNames() {
        Layout layout = new Layout("env.memory", Layout.PAGE_SIZE, 1, 1, List.of(
                new Region("yes.data", RegionKind.DATA, "yes", 0, 16, 16),
                new Region("null", RegionKind.RESERVED, null, 16, 32, 16)),
                List.of(new ModuleAssignment("yes", "y.wasm", Strategy.PLACED)), null);
        assertThat(LockFile.parse(LockFile.write(layout), Path.of("x.lock")).regions()).isEqualTo(layout.regions());
    }

    @Test
    void reportsMistakesWithLineAndColumn() {
        Path file = Path.of("wasm-layout.lock");
        assertThatThrownBy(() -> LockFile.parse("version: 2\nregions: []\n", file))
                .isInstanceOf(LayoutFileException.class)
                .hasMessage("wasm-layout.lock:1:10: version: expected 1, got 2 (written by another wasm-layout version?)");
        assertThatThrownBy(() -> LockFile.parse("""
                version: 1
                regions:
                  - {name: "a", kind: shared, owner: null, start: 0x0, end: 0x10}
                  - {name: "a", kind: shared, owner: null, start: 0x10, end: 0x20}
                """, file))
                .hasMessage("wasm-layout.lock:4:12: name in region #2: 'a' appears twice (first at 3:12)");
        assertThatThrownBy(() -> LockFile.parse("""
                version: 1
                regions:
                  - {name: "a.data", kind: data, start: 0x0, end: 0x10}
                """, file))
                .hasMessage("wasm-layout.lock:3:5: owner in region #1: a data region needs the module that owns it");
        assertThatThrownBy(() -> LockFile.parse("version: 1\nregions:\n  - {name: a, kind: shared, start: 0x0}\n", file))
                .hasMessage("wasm-layout.lock:3:5: missing key 'end' in region #1");
        assertThatThrownBy(() -> LockFile.parse("", file)).hasMessage("wasm-layout.lock:1:1: the lock file is empty");
    }

    @Test
    void theFileHoldsExactlyTheLockText() throws Exception {
        Path file = dir.resolve(LockFile.FILE_NAME);
        Files.writeString(file, "something older and longer than the lock\n".repeat(20));
        LockFile.writeTo(file, LayoutFixtures.small());
        assertThat(Files.readString(file)).isEqualTo(SMALL_LOCK);
    }
}
