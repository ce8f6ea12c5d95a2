/**
 * Reading YAML and JSON files so that every value keeps its line and column: the {@link
 * dev.wasmlayout.source.Node} tree, typed access with one-line messages ({@link dev.wasmlayout.source.Fields}),
 * size syntax ({@link dev.wasmlayout.source.Sizes}) and "did you mean" hints. Shared by the manifest
 * reader and the layout/lock readers; knows nothing about either.
 */
package dev.wasmlayout.source;
