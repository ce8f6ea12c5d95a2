package dev.wasmlayout.validator;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * What every module of a run printed to stdout, in the order it was written: a library that prints
 * while an app calls it shows up between the app's lines, as on a terminal.
 */
final class Console {
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    /** A stream that writes to {@code own} and, in write order, to the shared transcript. */
    OutputStream tee(OutputStream own) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (Console.this) {
                    try {
                        own.write(b);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    all.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (Console.this) {
                    try {
                        own.write(b, off, len);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    all.write(b, off, len);
                }
            }
        };
    }

    synchronized Captured bytes() {
        return Captured.of(all.toByteArray());
    }
}
