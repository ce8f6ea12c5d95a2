package dev.wasmlayout.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
    @TempDir
    Path dir;

    @Test
    void sameInputsSameFingerprintAnyChangeAnother() throws Exception {
        Path f = dir.resolve("m.wasm");
        Files.write(f, new byte[] {0, 'a', 's', 'm'});
        String a = new Fingerprint("link", "1").value("locked", false).file("m", f).hex();
        assertThat(new Fingerprint("link", "1").value("locked", false).file("m", f).hex()).isEqualTo(a).hasSize(64);
        assertThat(new Fingerprint("link", "2").value("locked", false).file("m", f).hex()).isNotEqualTo(a);
        assertThat(new Fingerprint("link", "1").value("locked", true).file("m", f).hex()).isNotEqualTo(a);
        Files.write(f, new byte[] {0, 'a', 's', 'n'});
        assertThat(new Fingerprint("link", "1").value("locked", false).file("m", f).hex()).isNotEqualTo(a);
    }

    @Test
    void anEmptyFileIsNotAnAbsentOne() throws Exception {
        Path f = dir.resolve("wasm-layout.lock");
        String absent = new Fingerprint("link", "1").file("lock", f).hex();
        Files.write(f, new byte[0]);
        assertThat(new Fingerprint("link", "1").file("lock", f).hex()).isNotEqualTo(absent);
    }

    @Test
    void valuesDoNotRunTogether() {
        assertThat(new Fingerprint("g", "1").values("without", List.of("ab", "c")).hex())
                .isNotEqualTo(new Fingerprint("g", "1").values("without", List.of("a", "bc")).hex());
    }

    @Test
    void stampRoundTripsAndChecksItsFiles() throws Exception {
        Path s = dir.resolve("state/link.sha256");
        new Stamp("abc", List.of("x.wasm")).write(s);
        Stamp read = Stamp.read(s).orElseThrow();
        assertThat(read.sameInputs("abc")).isTrue();
        assertThat(read.filesPresent(dir)).isFalse();
        Files.write(dir.resolve("x.wasm"), new byte[1]);
        assertThat(read.filesPresent(dir)).isTrue();
        assertThat(Stamp.read(dir.resolve("none"))).isEmpty();
    }
}
