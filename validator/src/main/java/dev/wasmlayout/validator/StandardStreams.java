package dev.wasmlayout.validator;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Fds 0-2 as a shell redirection makes them ({@code prog < input.txt > out 2> err} with the outputs read
 * through pipes), which Chicory's WASI does not model: it shows every standard stream as a terminal, so
 * programs that refuse to write binary data to a terminal (bzip2, gzip) stop. A stdin file is a regular
 * file (it can be sought, told and pread); without one stdin is {@code /dev/null}, as a service manager
 * or {@code docker run} without {@code -i} gives it; stdout and stderr are pipes.
 * <p>
 * What each call returns is what node:wasi (uvwasi) returns for the same redirections, checked by
 * {@code StandardStreamsTest} with the probe program: the file types (a pipe is a {@code socket_stream}
 * in WASI), the rights (so wasi-libc's {@code isatty} is false for all three), the errnos of seeking a
 * pipe ({@code notcapable}: a pipe has no seek right) or of writing to stdin ({@code badf}). Two
 * deliberate differences: fdstat flags are the WASI flags set by {@code fd_fdstat_set_flags} (uvwasi
 * passes the host's raw open flags, so O_WRONLY reads as {@code append}), and a pipe's filestat has
 * device, inode and times 0 (the host's are of no use to a program and would make runs differ).
 * <p>
 * The streams' data still flows through Chicory's {@code fd_read}/{@code fd_write}: these functions
 * replace only the calls whose answers depend on what a stream is, for the fds that still hold one of
 * the three streams (a closed or renumbered fd moves with it).
 */
final class StandardStreams {
    // WASI errnos, file types and rights (wasi_snapshot_preview1; Chicory's enums are not public)
    private static final int ESUCCESS = 0;
    private static final int EBADF = 8;
    private static final int EINVAL = 28;
    private static final int ENOTCAPABLE = 76;
    static final int CHARACTER_DEVICE = 2;
    static final int REGULAR_FILE = 4;
    static final int SOCKET_STREAM = 6;
    private static final long RIGHT_FD_SEEK = 1L << 2;
    private static final long RIGHT_FD_TELL = 1L << 5;
    private static final long RIGHT_FD_READ = 1L << 1;
    /** fd_fdstat_set_flags on Linux changes only append and nonblock (F_SETFL ignores the sync flags). */
    private static final int SETTABLE_FLAGS = 0x1 | 0x4;
    /** uvwasi's rights: a regular file opened for reading as stdin, a character device, a pipe. */
    private static final long FILE_RIGHTS = 0x8e001ffL;
    private static final long ALL_RIGHTS = 0x3fffffffL;
    private static final long PIPE_RIGHTS = 0x3820004aL;

    /** What one of the three fds is: its file type, rights and stat; stdin's content and position. */
    private static final class Stream {
        final int fileType;
        final long rights;
        final long inheriting;
        final long[] stat; // dev, ino, nlink, size, atim, mtim, ctim
        int flags;

        Stream(int fileType, long rights, long inheriting, long[] stat) {
            this.fileType = fileType;
            this.rights = rights;
            this.inheriting = inheriting;
            this.stat = stat;
        }

        boolean seekable() {
            return (rights & RIGHT_FD_SEEK) != 0;
        }
    }

    /** Stdin's bytes with a position that fd_seek moves and Chicory's fd_read reads from. */
    static final class Input extends InputStream {
        private final byte[] data;
        private long position;

        Input(byte[] data) {
            this.data = data;
        }

        @Override
        public synchronized int read() {
            return position < data.length ? data[(int) position++] & 0xff : -1;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= data.length) {
                return -1;
            }
            int n = (int) Math.min(len, data.length - position);
            System.arraycopy(data, (int) position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return (int) Math.max(0, data.length - position);
        }

        synchronized int pread(byte[] b, long offset) {
            if (offset >= data.length) {
                return 0;
            }
            int n = (int) Math.min(b.length, data.length - offset);
            System.arraycopy(data, (int) offset, b, 0, n);
            return n;
        }

        synchronized long size() {
            return data.length;
        }
    }

    private final Map<Integer, Stream> fds = new HashMap<>();
    private final Input stdin;

    /** {@code stdinFile} may be null (then stdin is /dev/null). */
    StandardStreams(Path stdinFile, byte[] stdinBytes) {
        this.stdin = new Input(stdinBytes);
        if (stdinFile == null) {
            fds.put(0, new Stream(CHARACTER_DEVICE, ALL_RIGHTS, ALL_RIGHTS, new long[] {0, 0, 1, 0, 0, 0, 0}));
        } else {
            fds.put(0, new Stream(REGULAR_FILE, FILE_RIGHTS, 0, fileStat(stdinFile, stdinBytes.length)));
        }
        fds.put(1, new Stream(SOCKET_STREAM, PIPE_RIGHTS, ALL_RIGHTS, new long[] {0, 0, 1, 0, 0, 0, 0}));
        fds.put(2, new Stream(SOCKET_STREAM, PIPE_RIGHTS, ALL_RIGHTS, new long[] {0, 0, 1, 0, 0, 0, 0}));
    }

    /** The file's own device, inode, links and times, as fstat on a redirected file reports them. */
    private static long[] fileStat(Path file, long size) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,nlink,lastAccessTime,lastModifiedTime,ctime");
            return new long[] {(Long) a.get("dev"), (Long) a.get("ino"), ((Number) a.get("nlink")).longValue(), size,
                nanos(a.get("lastAccessTime")), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime"))};
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new long[] {0, 0, 1, size, 0, 0, 0}; // no unix view (Windows): what matters is type and size
        }
    }

    private static long nanos(Object time) {
        FileTime t = (FileTime) time;
        return t == null ? 0 : t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** What Chicory's fd 0 reads from. */
    InputStream stdin() {
        return stdin;
    }

    /**
     * The replacement for {@code wasi_snapshot_preview1.name}, wrapping Chicory's {@code chicory} (which
     * handles every fd that is not one of the three streams), or {@code chicory} itself.
     */
    HostFunction wrap(HostFunction chicory) {
        switch (chicory.name()) {
            case "fd_fdstat_get": return replace(chicory, (inst, s, a) -> fdstat(inst.memory(), s, (int) a[1]));
            case "fd_filestat_get": return replace(chicory, (inst, s, a) -> filestat(inst.memory(), s, (int) a[1]));
            case "fd_fdstat_set_flags": return replace(chicory, (inst, s, a) -> setFlags(s, (int) a[1]));
            case "fd_seek": return replace(chicory, (inst, s, a) -> seek(inst.memory(), s, a[1], (int) a[2], (int) a[3]));
            case "fd_tell": return replace(chicory, (inst, s, a) -> seek(inst.memory(), s, 0, 1, (int) a[1]));
            case "fd_pread": return replace(chicory, (inst, s, a) -> pread(inst.memory(), s, (int) a[1], (int) a[2], a[3], (int) a[4]));
            case "fd_pwrite": return replace(chicory, (inst, s, a) -> pwrite(s, a[3]));
            case "fd_close": return after(chicory, a -> fds.remove((int) a[0]));
            case "fd_renumber": return after(chicory, a -> {
                Stream moved = fds.remove((int) a[0]);
                fds.remove((int) a[1]);
                if (moved != null) {
                    fds.put((int) a[1], moved);
                }
            });
            default: return chicory;
        }
    }

    /** A call on one of the streams: the arguments as Chicory got them (args[0] is the fd). */
    private interface Call {
        int apply(Instance instance, Stream stream, long[] args);
    }

    private HostFunction replace(HostFunction chicory, Call call) {
        return new HostFunction(chicory.module(), chicory.name(), chicory.functionType(), (instance, args) -> {
            Stream s;
            synchronized (this) {
                s = fds.get((int) args[0]);
            }
            if (s == null) {
                return chicory.handle().apply(instance, args);
            }
            return new long[] {call.apply(instance, s, args)};
        });
    }

    /** Chicory's function, then (when it succeeded) {@code then}: keeps the fd table in step with Chicory's. */
    private HostFunction after(HostFunction chicory, java.util.function.Consumer<long[]> then) {
        return new HostFunction(chicory.module(), chicory.name(), chicory.functionType(), (instance, args) -> {
            long[] r = chicory.handle().apply(instance, args);
            if (r != null && r.length == 1 && r[0] == ESUCCESS) {
                synchronized (this) {
                    then.accept(args);
                }
            }
            return r;
        });
    }

    private static int fdstat(Memory m, Stream s, int buf) {
        m.write(buf, new byte[24]);
        m.writeByte(buf, (byte) s.fileType);
        m.writeShort(buf + 2, (short) s.flags);
        m.writeLong(buf + 8, s.rights);
        m.writeLong(buf + 16, s.inheriting);
        return ESUCCESS;
    }

    private int filestat(Memory m, Stream s, int buf) {
        long[] st = s.stat;
        m.write(buf, new byte[64]);
        m.writeLong(buf, st[0]);
        m.writeLong(buf + 8, st[1]);
        m.writeByte(buf + 16, (byte) s.fileType);
        m.writeLong(buf + 24, st[2]);
        m.writeLong(buf + 32, s.fileType == REGULAR_FILE ? stdin.size() : st[3]);
        m.writeLong(buf + 40, st[4]);
        m.writeLong(buf + 48, st[5]);
        m.writeLong(buf + 56, st[6]);
        return ESUCCESS;
    }

    private static int setFlags(Stream s, int flags) {
        s.flags = flags & SETTABLE_FLAGS;
        return ESUCCESS;
    }

    /** fd_seek (and fd_tell, as a seek of 0 from the current position). */
    private int seek(Memory m, Stream s, long offset, int whence, int resultPtr) {
        if (!s.seekable()) {
            return ENOTCAPABLE;
        }
        if (whence < 0 || whence > 2) {
            return EINVAL;
        }
        long at = 0; // /dev/null: every seek lands at 0
        if (s.fileType == REGULAR_FILE) {
            synchronized (stdin) {
                long base = whence == 0 ? 0 : whence == 1 ? stdin.position : stdin.size();
                at = base + offset;
                if (at < 0) {
                    return EINVAL;
                }
                stdin.position = at;
            }
        }
        m.writeLong(resultPtr, at);
        return ESUCCESS;
    }

    private int pread(Memory m, Stream s, int iovs, int iovsLen, long offset, int nreadPtr) {
        if ((s.rights & (RIGHT_FD_READ | RIGHT_FD_SEEK)) != (RIGHT_FD_READ | RIGHT_FD_SEEK)) {
            return ENOTCAPABLE;
        }
        if (offset < 0) {
            return EINVAL;
        }
        int total = 0;
        if (s.fileType == REGULAR_FILE) { // /dev/null reads nothing
            for (int i = 0; i < iovsLen; i++) {
                int base = m.readInt(iovs + i * 8);
                long len = Integer.toUnsignedLong(m.readInt(iovs + i * 8 + 4));
                byte[] chunk = new byte[(int) Math.min(len, Math.max(0, stdin.size() - offset))];
                int n = stdin.pread(chunk, offset);
                m.write(base, chunk, 0, n);
                total += n;
                offset += n;
                if (n < len) {
                    break;
                }
            }
        }
        m.writeI32(nreadPtr, total);
        return ESUCCESS;
    }

    /** Stdin was opened for reading only (the shell's {@code <}); the pipes cannot seek. */
    private static int pwrite(Stream s, long offset) {
        if (!s.seekable()) {
            return ENOTCAPABLE;
        }
        return offset < 0 ? EINVAL : EBADF;
    }
}
