package dev.wasmlayout.linker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Modules are worked on in parallel, but results and failures are those of the sequential loop. */
class PerModuleTest {
    @Test
    void resultsKeepTheInputOrder() {
        List<Integer> in = List.of(5, 3, 9, 1, 7, 2, 8, 6);
        assertThat(PerModule.map(in, i -> "m" + i)).containsExactly("m5", "m3", "m9", "m1", "m7", "m2", "m8", "m6");
    }

    @Test
    void theEarliestFailingModuleInOrderIsReportedEvenWhenALaterOneFailsFirst() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        assertThatThrownBy(() -> PerModule.map(List.of(0, 1, 2, 3), i -> {
            if (i == 3) {
                laterFailed.countDown();
                throw new LinkException("module 3 is bad");
            }
            if (i == 1) {
                try {
                    laterFailed.await(10, TimeUnit.SECONDS); // fail only after module 3 did
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new LinkException("module 1 is bad");
            }
            return i;
        })).isInstanceOf(LinkException.class).hasMessage("module 1 is bad");
    }
}
