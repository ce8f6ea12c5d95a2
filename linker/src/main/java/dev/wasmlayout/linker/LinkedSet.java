package dev.wasmlayout.linker;

import dev.wasmlayout.layout.Layout;
import dev.wasmlayout.layout.LayoutJson;
import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** A folder written by {@code link}: its layout, the manifest it came from and what was left out. */
public record LinkedSet(Path dir, Layout layout, Manifest manifest, Set<String> without) {

    public static LinkedSet read(Path dir) {
        Path info = dir.resolve(LinkJob.LINK_INFO);
        if (!Files.isDirectory(dir)) {
            Path aside = OutputFolder.movedAside(dir);
            if (aside != null) {
                throw new LinkException(dir + ": no such folder: a link was killed while replacing it; the previous set"
                        + " is in " + aside + " and the next link puts it back");
            }
            throw new LinkException(dir + ": no such folder (run `wasm-layout link MANIFEST -o " + dir + "` first)");
        }
        LinkJob.LinkInfo node;
        try {
            node = LinkJob.LinkInfo.read(info);
        } catch (NoSuchFileException e) {
            throw new LinkException(info + ": no such file; " + dir + " was not written by `wasm-layout link`");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            // JSON, but not link.json's shape (Jackson's own message names Java types)
            throw new LinkException(info + ": not a link.json (expected {\"manifest\": \"...\", \"without\": [...], \"files\": [...]})");
        } catch (IOException e) {
            throw new LinkException(info + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        if (node == null || node.manifest() == null) {
            throw new LinkException(info + ": no \"manifest\" entry");
        }
        Set<String> without = node.without() == null ? Set.of() : new TreeSet<>(node.without());
        Layout layout = LayoutJson.read(dir.resolve(LinkJob.LAYOUT_JSON));
        Manifest m = ManifestReader.load(dir.resolve(node.manifest()).normalize());
        return new LinkedSet(dir, layout, m, without);
    }

    public Path module(String name) {
        return dir.resolve(name + ".wasm");
    }
}
