package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tells a trap of a module's stack check ({@link StackGuard}) from any other trap, so that a run
 * reports "stack overflow: ..." naming the module, the function that moved the pointer, the pointer
 * and the stack's start, instead of "unreachable".
 */
final class StackOverflows {
    /** The failure of a step whose trap was a stack check's; {@link Outcomes} reports its message. */
    static final class Trap extends RuntimeException {
        Trap(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private record Watched(StackGuard guard, FunctionLocator locator, Supplier<Instance> instance) {
    }

    private final List<Watched> watched = new ArrayList<>();

    /** Watches one module: {@code instance} gives its instance once built (null before). */
    void watch(StackGuard guard, FunctionLocator locator, Supplier<Instance> instance) {
        locator.watchStackSetter(guard.setter());
        watched.add(new Watched(guard, locator, instance));
    }

    /** The outcome with its error replaced by a {@link Trap} when a stack check trapped, else as it was. */
    <T> Watchdog.Outcome<T> explain(Watchdog.Outcome<T> o) {
        Throwable e = o.error();
        if (e == null || o.timedOut() || Outcomes.find(e, ViolationException.class) != null
                || Outcomes.find(e, WasiExitException.class) != null
                || Outcomes.find(e, ExecutionCompletedException.class) != null || e instanceof SetupException
                || !Outcomes.message(e).toLowerCase(java.util.Locale.ROOT).contains("unreachable")) {
            return o; // the overflow function traps with `unreachable`; any other trap is not the check's
        }
        for (Watched w : watched) {
            Instance inst = w.instance().get();
            if (inst == null) {
                continue;
            }
            String why = w.guard().explain(e, inst, w.locator().compiledPrefix(), w.locator().lastAddress(),
                    w.locator().lastStackMove());
            if (why != null) {
                return new Watchdog.Outcome<>(o.value(), new Trap(why, e), false, o.stopped(), o.millis());
            }
        }
        return o;
    }
}
