/**
 * The manifest, {@code wasm-layout.yaml}: {@link dev.wasmlayout.manifest.ManifestReader} turns it into
 * the immutable {@link dev.wasmlayout.manifest.Manifest} or throws a {@link
 * dev.wasmlayout.manifest.ManifestException} whose message is one line, {@code file:line:column: detail}.
 * The keys allowed per object live in {@link dev.wasmlayout.manifest.ManifestKeys} and in
 * {@code wasm-layout.schema.json} (a test keeps both equal); defaults live in {@link dev.wasmlayout.manifest.Defaults}.
 */
package dev.wasmlayout.manifest;
