package dev.wasmlayout.linker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(Files.readString(info));
        } catch (NoSuchFileException e) {
            throw new LinkException(info + ": no such file; " + dir + " was not written by `wasm-layout link`");
        } catch (IOException e) {
            throw new LinkException(info + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        JsonNode manifest = node.get("manifest");
        if (manifest == null || !manifest.isTextual()) {
            throw new LinkException(info + ": no \"manifest\" entry");
        }
        Set<String> without = new TreeSet<>();
        node.path("without").forEach(n -> without.add(n.asText()));
        Layout layout = LayoutJson.read(dir.resolve(LinkJob.LAYOUT_JSON));
        Manifest m = ManifestReader.load(dir.resolve(manifest.asText()).normalize());
        return new LinkedSet(dir, layout, m, without);
    }

    public Path module(String name) {
        return dir.resolve(name + ".wasm");
    }
}
