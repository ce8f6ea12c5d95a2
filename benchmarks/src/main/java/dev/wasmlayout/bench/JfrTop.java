package dev.wasmlayout.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest methods of a JFR recording's execution samples, as a Markdown table: self (top frame)
 * and total (anywhere on the stack) share of samples. Samples outside {@code filter} (a package
 * prefix on the stack) are left out, so JMH's own threads do not count.
 * <pre>
 * java -cp benchmarks.jar dev.wasmlayout.bench.JfrTop profile.jfr [rows] [filter]
 * </pre>
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String filter = args.length > 2 ? args[2] : "dev.wasmlayout.";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty() || frames.stream().noneMatch(f -> name(f).startsWith(filter))) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                if (seen.add(name(f))) {
                    total.merge(name(f), 1, Integer::sum);
                }
            }
        }
        System.out.println(samples + " execution samples in " + filter + "*");
        System.out.println();
        System.out.println("| self | total | method |");
        System.out.println("|---:|---:|---|");
        List<Map.Entry<String, Integer>> top = new ArrayList<>(self.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> t : top.subList(0, Math.min(rows, top.size()))) {
            System.out.printf("| %.1f%% | %.1f%% | `%s` |%n", 100.0 * t.getValue() / samples,
                    100.0 * total.get(t.getKey()) / samples, t.getKey());
        }
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
