package dev.wasmlayout.manifest;

import dev.wasmlayout.source.Complaint;
import dev.wasmlayout.source.Node;
import dev.wasmlayout.source.TreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a {@code wasm-layout.yaml} into a checked {@link Manifest}. Every problem, from YAML syntax to
 * a missing module file, is a {@link ManifestException} with a one-line message and its line:column.
 */
public final class ManifestReader {

    private ManifestReader() {
    }

    /** Reads and checks the manifest at {@code file}; module paths resolve against its folder. */
    public static Manifest load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ManifestException(file, null, "cannot read: the file is not UTF-8 text");
        } catch (IOException e) {
            throw new ManifestException(file, null, "cannot read: " + describe(e));
        }
        return parse(text, file);
    }

    /**
     * Checks manifest text as if it were stored at {@code file}: messages name {@code file} as given,
     * and module paths resolve against its folder (where the module files must exist).
     */
    public static Manifest parse(String text, Path file) {
        Complaint complaint = (where, detail) -> new ManifestException(file, where, detail);
        Node root = TreeReader.readYaml(text, complaint);
        return new SpecReader(Manifest.folderOf(file), complaint).manifest(file, root);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
