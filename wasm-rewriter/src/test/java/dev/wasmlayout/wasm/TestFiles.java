package dev.wasmlayout.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the repository root and the prebuilt sample modules for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path root() {
        String prop = System.getProperty("wasmlayout.root");
        if (prop != null && Files.isDirectory(Paths.get(prop, "samples"))) {
            return Paths.get(prop);
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (a folder with samples/)");
        }
        return p;
    }

    /** Every prebuilt .wasm under samples/, sorted. */
    public static List<Path> sampleModules() {
        try (Stream<Path> s = Files.walk(root().resolve("samples"))) {
            return s.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an executable of that name is on PATH (for tests that use wabt and skip without it). */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
