package dev.wasmlayout.linker;

import java.nio.file.Path;
import java.util.Set;

/**
 * A link that stops at one step of the output swap and waits to be killed:
 * {@code PausingLink STEP MANIFEST DIR [WITHOUT...]} prints "paused at STEP" when it gets there.
 */
public final class PausingLink {
    private PausingLink() {
    }

    public static void main(String[] args) throws Exception {
        String pauseAt = args[0];
        OutputFolder.steps = step -> {
            if (step.equals(pauseAt)) {
                System.out.println("paused at " + step);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Set<String> without = Set.of(java.util.Arrays.copyOfRange(args, 3, args.length));
        LinkJob.link(new LinkJob.Request(Path.of(args[1]), Path.of(args[2]), false, without));
        System.out.println("finished");
    }
}
