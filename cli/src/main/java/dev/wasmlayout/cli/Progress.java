package dev.wasmlayout.cli;

import java.util.function.Consumer;

/**
 * Progress lines on stderr, only when a person is watching (a terminal): logs and pipes stay clean.
 * No colour either way.
 */
final class Progress {
    private Progress() {
    }

    static Consumer<String> toTerminal() {
        if (System.console() == null) {
            return message -> { };
        }
        return message -> System.err.println("wasm-layout: " + message + "...");
    }
}
