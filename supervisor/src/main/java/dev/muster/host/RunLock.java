package dev.muster.host;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.threads.Daemons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An exclusive lock on a file for the whole run of one muster, through {@link FileChannel#lock()}
 * (POSIX record locks on Linux: released by the kernel when muster exits, even by SIGKILL, so a
 * lock is never stale). Once held, the file's content records the holder ({@link LockHolder}), which
 * a second muster prints while it waits. Waiting blocks in the kernel; nothing polls.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, waiting up to {@code timeout} while another muster holds it.
     *
     * @param what   what the lock is, for messages ("lock /data/.muster.lock")
     * @param report told once when muster has to wait, with the holder's facts
     * @throws MusterException exit 3 when the lock stays held, or the file cannot be opened
     */
    public static RunLock acquire(String what, Path file, Duration timeout, LockHolder self, Consumer<String> report) {
        FileChannel channel = open(what, file);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(file).map(LockHolder::describe).orElse("another muster");
                if (timeout.isZero()) {
                    throw held(what, holder, timeout, "");
                }
                report.accept(what + " is held by " + holder + "; waiting up to " + seconds(timeout) + " for it");
                lock = await(channel, what, holder, timeout);
            }
            record(channel, self);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, what + ": cannot lock " + file + ": " + e.getMessage()
                    + "; a filesystem without file locks (an NFS mount without lockd, a FUSE bucket) cannot hold it:"
                    + " put the lock file on a local disk", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The holder the lock file names, if any. */
    public static Optional<LockHolder> holder(Path file) {
        try {
            return LockHolder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static FileChannel open(String what, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, what + ": cannot open " + file + ": " + e
                    + "; check that the directory exists and muster may write there");
        }
    }

    /** The lock if free now, null when another process (or another run in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static FileLock await(FileChannel channel, String what, String holder, Duration timeout) throws IOException {
        CompletableFuture<FileLock> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return channel.lock();
            } catch (IOException | OverlappingFileLockException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, runnable -> Daemons.start("muster-lock-wait", runnable));
        try {
            return waiting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closeQuietly(channel);
            throw held(what, holder, timeout, "waited " + seconds(timeout) + "; ");
        } catch (ExecutionException e) {
            if (e.getCause().getCause() instanceof IOException io) {
                throw io;
            }
            throw held(what, holder, timeout, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw held(what, holder, timeout, "interrupted; ");
        }
    }

    private static MusterException held(String what, String holder, Duration timeout, String waited) {
        return new MusterException(ExitCodes.PREFLIGHT_FAILED, what + " is held by " + holder + "; " + waited
                + "two supervisors must not run one stack or one data volume at once: stop the other one"
                + " (muster down -p PROFILE, or docker stop its container) and start this one again");
    }

    private static void record(FileChannel channel, LockHolder self) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(self.toText().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static String seconds(Duration timeout) {
        return timeout.toSeconds() + "s";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel; nothing else to release.
        }
    }

    /** Releases the lock; the file and its last holder's facts stay. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }
}
