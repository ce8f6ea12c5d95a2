package dev.wasmlayout.linker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces an output folder's whole content with a new set of files, so that whatever happens (a failure,
 * a failed check, a killed process) the folder holds the previous set or the new one, never a mix, and
 * nothing of the previous set survives into the new one.
 * <p>
 * Linux cannot rename a directory over a non-empty one, so the swap is: write the new set into
 * {@code DIR.wasm-layout-new-PID} beside DIR, rename DIR to {@code DIR.wasm-layout-old-PID}, rename the new
 * folder to DIR, delete the old one. A kill between the two renames leaves no DIR and the previous set in
 * the {@code old} folder; the next link puts it back before doing anything else (and deletes a dead run's
 * {@code new} folder, or an {@code old} one whose swap completed).
 * <p>
 * A link owns its output folder, like a build directory, but it will not delete what it did not write:
 * an existing DIR must be empty or hold only files of a previous link (those its link.json lists, or with
 * the names a link writes), else nothing happens and the link stops with a message naming the stranger.
 */
final class OutputFolder {
    private static final String NEW = ".wasm-layout-new-";
    private static final String OLD = ".wasm-layout-old-";
    /** Names a link has always written (link.json's "files" list names them too, from this version on). */
    private static final Set<String> OUTPUT_NAMES = Set.of(LinkJob.LAYOUT_JSON, LinkJob.LINK_INFO, dev.wasmlayout.layout.LockFile.FILE_NAME,
            "layout.h", "report.md", "report.html");
    /** Temporary files of the writer before this one (AtomicFiles: ".NAME.HEX.tmp"). */
    private static final Pattern OLD_TEMP = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    /** Called at each step of {@link #replace} with its name: a test stops (kills) the process there. */
    static Consumer<String> steps = step -> { };

    private OutputFolder() {
    }

    /**
     * Makes {@code files} (name to bytes) the whole content of {@code dir}, provided {@code check} accepts the
     * staged folder (it sees the new set where it will be, a sibling of DIR, before DIR changes).
     *
     * @param previousFiles the names the previous set's link.json lists (empty when it lists none)
     * @return false when {@code check} refused the new set (DIR is then as it was, or still absent)
     */
    static boolean replace(Path dir, Map<String, byte[]> files, Set<String> previousFiles, Predicate<Path> check) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new LinkException(dir + ": cannot be an output folder (it is a file system root)");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new LinkException(parent + ": cannot create the output folder's parent: " + e.getMessage());
        }
        recover(target);
        refuseStrangers(target, previousFiles);
        long pid = ProcessHandle.current().pid();
        Path staging = parent.resolve(target.getFileName() + NEW + pid);
        Path old = parent.resolve(target.getFileName() + OLD + pid);
        boolean swapped = false;
        try {
            deleteTree(staging);
            Files.createDirectory(staging);
            int written = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                write(staging.resolve(f.getKey()), f.getValue());
                steps.accept("staged " + ++written);
            }
            if (!check.test(staging)) {
                return false;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(target, old);
                steps.accept("moved aside");
                move(staging, target);
                swapped = true;
                steps.accept("swapped");
                deleteTree(old);
            } else {
                move(staging, target);
                swapped = true;
                steps.accept("swapped");
            }
            return true;
        } catch (IOException e) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
                try {
                    move(old, target); // the second rename failed: put the previous set back
                } catch (IOException ignored) {
                    // the next link restores it (recover)
                }
            }
            throw new LinkException(target + ": cannot write the output folder: " + e.getMessage());
        } finally {
            if (!swapped) {
                quietlyDelete(staging); // refused, failed or threw: DIR is as it was
            }
        }
    }

    /** Puts back the previous set a killed run had moved aside, and deletes what dead runs left beside DIR. */
    static void recover(Path target) {
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return; // nothing can be beside a folder whose parent does not exist yet
        }
        Pattern leftover = Pattern.compile(Pattern.quote(target.getFileName().toString())
                + "(" + Pattern.quote(NEW) + "|" + Pattern.quote(OLD) + ")(\\d+)");
        List<Path> news = new ArrayList<>();
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path p : siblings) {
                Matcher m = leftover.matcher(p.getFileName().toString());
                if (m.matches() && !running(Long.parseLong(m.group(2)))) {
                    (m.group(1).equals(NEW) ? news : olds).add(p);
                }
            }
        } catch (IOException e) {
            throw new LinkException(target.getParent() + ": cannot list the folder: " + e.getMessage());
        }
        olds.sort(Comparator.naturalOrder());
        try {
            for (Path old : olds) {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(old, target); // killed between its two renames: the previous set comes back
                } else {
                    deleteTree(old); // killed after the swap: the new set is in place
                }
            }
            for (Path n : news) {
                deleteTree(n);
            }
        } catch (IOException e) {
            throw new LinkException(target + ": cannot clean up after an interrupted link: " + e.getMessage());
        }
    }

    /** The previous set a killed link left beside a missing DIR, or null. */
    static Path movedAside(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return null;
        }
        Pattern old = Pattern.compile(Pattern.quote(target.getFileName().toString()) + Pattern.quote(OLD) + "\\d+");
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> old.matcher(p.getFileName().toString()).matches()).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean running(long pid) {
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void refuseStrangers(Path target, Set<String> previousFiles) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new LinkException(target + ": is a file or a symbolic link, not a folder (a link replaces its output folder whole)");
        }
        List<String> strangers = new ArrayList<>();
        boolean linked = Files.isRegularFile(target.resolve(LinkJob.LINK_INFO));
        try (Stream<Path> entries = Files.list(target)) {
            entries.forEach(p -> {
                String name = p.getFileName().toString();
                boolean ours = linked && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (previousFiles.contains(name)
                        || OUTPUT_NAMES.contains(name) || name.endsWith(".wasm") || OLD_TEMP.matcher(name).matches());
                if (!ours) {
                    strangers.add(name);
                }
            });
        } catch (IOException e) {
            throw new LinkException(target + ": cannot list the output folder: " + e.getMessage());
        }
        if (!strangers.isEmpty()) {
            strangers.sort(Comparator.naturalOrder());
            String some = String.join(", ", strangers.subList(0, Math.min(3, strangers.size())))
                    + (strangers.size() > 3 ? " and " + (strangers.size() - 3) + " more" : "");
            throw new LinkException(target + ": holds " + some + ", which " + (linked ? "the previous link did not write"
                    : "is not the output of a link (no " + LinkJob.LINK_INFO + ")") + "; a link replaces its output folder"
                    + " whole, so give it a folder of its own or move those away");
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(bytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true); // the swap must not land before the bytes do
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void quietlyDelete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // the next link deletes it (recover)
        }
    }
}
