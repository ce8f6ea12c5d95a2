package dev.wasmlayout.maven;

import dev.wasmlayout.layout.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a goal remembers of its last successful run: the fingerprint of its inputs (first line) and
 * notes (the output files it wrote, or the run's summary). Written last, so a failed run leaves no stamp.
 */
record Stamp(String fingerprint, List<String> notes) {
    Stamp {
        notes = List.copyOf(notes);
    }

    static Optional<Stamp> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable stamp only costs a rebuild
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(lines.get(0).trim(), lines.subList(1, lines.size())));
    }

    void write(Path file) {
        StringBuilder sb = new StringBuilder(fingerprint).append('\n');
        for (String n : notes) {
            sb.append(n).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    boolean sameInputs(String fingerprint) {
        return this.fingerprint.equals(fingerprint);
    }

    /** True when every note names a file present in {@code dir} (the link's outputs). */
    boolean filesPresent(Path dir) {
        return notes.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }
}
