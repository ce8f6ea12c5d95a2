/**
 * The plan as data: {@link dev.wasmlayout.layout.Layout} with its {@link dev.wasmlayout.layout.Region}s,
 * and the files made from it: {@code layout.json} ({@link dev.wasmlayout.layout.LayoutJson}), the lock
 * ({@link dev.wasmlayout.layout.LockFile}), both written deterministically and atomically ({@link
 * dev.wasmlayout.layout.AtomicFiles}).
 */
package dev.wasmlayout.layout;
