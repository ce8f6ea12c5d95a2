package dev.wasmlayout.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    @Test
    void valueAndError() {
        assertThat(Watchdog.run("v", 1000, () -> 42).value()).isEqualTo(42);
        Watchdog.Outcome<Object> o = Watchdog.run("e", 1000, () -> {
            throw new IllegalStateException("boom");
        });
        assertThat(o.error()).hasMessage("boom");
        assertThat(o.timedOut()).isFalse();
    }

    @Test
    void aBodyThatIgnoresTheInterruptIsAbandoned() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Watchdog.Outcome<Object> o = Watchdog.run("stuck", 100, () -> {
            while (true) {
                try {
                    if (release.await(10, TimeUnit.MILLISECONDS)) {
                        return null;
                    }
                } catch (InterruptedException e) {
                    // a host call that swallows the interrupt
                }
            }
        });
        release.countDown();
        assertThat(o.timedOut()).isTrue();
        assertThat(o.stopped()).isFalse();
        assertThat(o.millis()).isGreaterThanOrEqualTo(100 + Watchdog.GRACE_MILLIS);
    }

    @Test
    void deepJavaRecursionHasRoom() {
        assertThat(Watchdog.run("deep", 10_000, () -> depth(200_000)).value()).isEqualTo(200_000);
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }
}
