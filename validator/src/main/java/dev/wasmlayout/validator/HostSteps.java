package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.Memory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The host's exchange with the modules: loading a file into memory (checked like any writer) and dumping memory. */
final class HostSteps {
    private final Memory memory;
    private final WriteCheck check;

    HostSteps(Memory memory, WriteCheck check) {
        this.memory = memory;
        this.check = check;
    }

    StepResult load(LoadStep s) {
        long start = System.nanoTime();
        String failure = null;
        try {
            byte[] bytes = Files.readAllBytes(s.file());
            if (bytes.length > s.maxSize()) {
                failure = s.file() + " has " + bytes.length + " bytes, more than the " + s.maxSize() + " allowed";
            } else if (outside(s.address(), bytes.length)) {
                failure = "load of " + bytes.length + " bytes at 0x" + Long.toHexString(s.address()) + " ends past the memory";
            } else {
                check.check(s.address(), bytes.length, "load " + s.file().getFileName());
                memory.write((int) s.address(), bytes);
            }
        } catch (ViolationException e) {
            failure = "stopped at the first violation: " + e.violation().describe();
        } catch (IOException e) {
            failure = "cannot read " + s.file() + ": " + e.getMessage();
        }
        return StepResult.notRun(Ownership.HOST, "load", millisSince(start), failure);
    }

    StepResult dump(DumpStep s) {
        long start = System.nanoTime();
        String failure = null;
        if (s.size() < 0 || s.size() > Integer.MAX_VALUE || outside(s.address(), s.size())) {
            failure = "dump of " + s.size() + " bytes at 0x" + Long.toHexString(s.address()) + " is outside the memory";
        } else {
            try {
                write(s.file(), memory.readBytes((int) s.address(), (int) s.size()));
            } catch (IOException e) {
                failure = "cannot write " + s.file() + ": " + e.getMessage();
            }
        }
        return StepResult.notRun(Ownership.HOST, "dump", millisSince(start), failure);
    }

    private boolean outside(long address, long size) {
        return address < 0 || address + size > (long) memory.pages() * Memory.PAGE_SIZE;
    }

    /** Temp file beside the target, then rename: a failed dump leaves the previous file untouched. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
