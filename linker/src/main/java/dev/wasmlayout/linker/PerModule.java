package dev.wasmlayout.linker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one independent job per module on every core (reading, inspecting and patching one module
 * never looks at another). Results come back in the input's order, and a failure is the one the
 * sequential loop would have hit first: the earliest failing module in manifest order.
 */
final class PerModule {
    private PerModule() {
    }

    static <T, R> List<R> map(List<T> items, Function<T, R> job) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        List<R> out = new ArrayList<>(items.size());
        if (threads <= 1) {
            for (T t : items) {
                out.add(job.apply(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wasm-layout-module");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T t : items) {
                futures.add(pool.submit(() -> job.apply(t)));
            }
            for (Future<R> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R get(Future<R> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while linking", e);
        }
    }
}
