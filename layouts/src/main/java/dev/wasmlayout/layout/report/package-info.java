/**
 * Reports of a {@link dev.wasmlayout.layout.Layout}: {@link dev.wasmlayout.layout.report.Reports#render}
 * turns it into a text memory map, Markdown, a self-contained HTML page with an SVG map drawn to scale,
 * layout.json, or a C header of address macros. Each format is one small class; the shared walk over
 * regions and gaps is {@code MemoryMap}.
 */
package dev.wasmlayout.layout.report;
