package dev.wasmlayout.validator;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each step on its own thread with a deadline. Both Chicory engines check the thread's interrupt
 * flag at calls and branches, so an interrupt ends a runaway loop; a thread that still does not stop
 * (stuck in a host call) is abandoned as a daemon and the run goes on without it.
 */
final class Watchdog {
    /** How long a step gets to notice the interrupt. */
    static final long GRACE_MILLIS = 2000;
    /** wasm recursion is JVM recursion in both engines: give it room. */
    private static final long STACK_BYTES = 256L << 20;

    /** How a run ended: a value, an error, or the deadline ({@code stopped} false when the thread was abandoned). */
    record Outcome<T>(T value, Throwable error, boolean timedOut, boolean stopped, long millis) {
    }

    private Watchdog() {
    }

    static <T> Outcome<T> run(String name, long timeoutMillis, Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(null, () -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "wasm-layout " + name, STACK_BYTES);
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        try {
            T v = result.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Outcome<>(v, null, false, true, millisSince(start));
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), false, true, millisSince(start));
        } catch (TimeoutException e) {
            t.interrupt();
            boolean stopped = awaitEnd(result);
            return new Outcome<>(null, null, true, stopped, millisSince(start));
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            return new Outcome<>(null, e, false, awaitEnd(result), millisSince(start));
        }
    }

    private static boolean awaitEnd(CompletableFuture<?> result) {
        try {
            result.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException | InterruptedException e) {
            return false;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
