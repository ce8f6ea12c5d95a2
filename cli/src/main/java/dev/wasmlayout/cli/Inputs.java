package dev.wasmlayout.cli;

import dev.wasmlayout.wasm.WasmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files and names the file in every error. */
final class Inputs {
    private Inputs() {
    }

    static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new FileError(file.toString(), "is a directory, expected a .wasm file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FileError(file.toString(), "no such file");
        } catch (IOException e) {
            throw new FileError(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    static <T> T wasm(Path file, java.util.function.Function<byte[], T> parse) {
        byte[] b = read(file);
        try {
            return parse.apply(b);
        } catch (WasmException e) {
            throw new FileError(file.toString(), e.getMessage());
        }
    }
}
