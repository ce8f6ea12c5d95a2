package dev.wasmlayout.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * A SHA-256 over everything a goal's result depends on: named values (parameters, the plugin version)
 * and files (their path and bytes, or that they are absent). Every entry is length-prefixed, so two
 * different sets of inputs cannot concatenate to the same bytes.
 */
final class Fingerprint {
    private final MessageDigest digest;

    Fingerprint(String goal, String pluginVersion) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        value("goal", goal);
        value("plugin", pluginVersion);
    }

    Fingerprint value(String name, Object value) {
        entry("v", name);
        entry("=", String.valueOf(value));
        return this;
    }

    Fingerprint values(String name, Collection<?> values) {
        value(name + "#", values.size());
        for (Object v : values) {
            entry("=", String.valueOf(v));
        }
        return this;
    }

    /** The file's path and bytes; a missing file counts as absent (so creating it changes the fingerprint). */
    Fingerprint file(String name, Path file) throws IOException {
        entry("f", name);
        entry("@", file.toAbsolutePath().normalize().toString());
        if (!Files.isRegularFile(file)) {
            entry("-", "absent");
            return this;
        }
        entry("#", Long.toString(Files.size(file)));
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void entry(String tag, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        digest.update(tag.getBytes(StandardCharsets.UTF_8));
        digest.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(b);
    }
}
