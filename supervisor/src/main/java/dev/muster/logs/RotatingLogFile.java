package dev.muster.logs;

import dev.muster.profile.LogSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that rotates by size: when the next line would take it past {@code max_size}, the
 * file becomes {@code NAME.1}, {@code NAME.1} becomes {@code NAME.2}, and so on up to {@code keep}.
 * Lines are buffered and written when the buffer fills or on {@link #flush}; the buffer starts at
 * {@value #SMALL_BUFFER} bytes, grows to {@value #BUFFER} when a burst fills it, and goes back to
 * small at {@link #idle}, so a quiet service holds no large buffer. During a burst a full buffer is
 * written by a {@link WriteBehind} thread while a second one fills; a failure of that write is
 * reported by the next write or flush, and its bytes count as discarded. After a failed write the
 * unwritten bytes are given up ({@link #discard}); the file stays usable for the next attempt. Not
 * thread-safe; {@link ServiceLog} serialises calls.
 */
final class RotatingLogFile implements AutoCloseable {
    static final int BUFFER = 64 * 1024;
    static final int SMALL_BUFFER = 4 * 1024;
    static final int IDLE_BEHIND = 16 * 1024;

    /** Opens the file for appending; replaceable in tests to simulate a full disk. */
    @FunctionalInterface
    interface Opener {
        WritableByteChannel open(Path file) throws IOException;
    }

    private final LogSpec spec;
    private final Opener opener;
    private ByteBuffer buffer = ByteBuffer.allocate(SMALL_BUFFER);
    /** The other large buffer during a burst: free while {@link #behind} writes none. */
    private ByteBuffer spare;
    private final WriteBehind behind;
    private WritableByteChannel out;
    private long size;
    private boolean midLine;
    /** Bytes a failed write behind did not write, not yet reported by {@link #discard}. */
    private long lostBehind;

    RotatingLogFile(LogSpec spec) throws IOException {
        this(spec, file -> FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
    }

    RotatingLogFile(LogSpec spec, Opener opener) throws IOException {
        this.spec = spec;
        this.opener = opener;
        this.behind = new WriteBehind(String.valueOf(spec.file().getFileName()));
        Path parent = spec.file().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    /** Adds one line (a newline is appended); may write the buffer out. */
    void write(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Adds the line {@code bytes[from, to)} (a newline is appended); may write the buffer out. */
    void write(byte[] bytes, int from, int to) throws IOException {
        int count = to - from;
        int length = count + (midLine ? 2 : 1);
        long total = size + buffer.position();
        if (total > 0 && total + length > spec.maxSize()) {
            flush();
            rotate();
        }
        if (length > buffer.remaining()) {
            handOff();
        }
        if (midLine) {
            buffer.put((byte) '\n');
            midLine = false;
        }
        if (count >= buffer.remaining()) {
            flush();
            drain(ByteBuffer.wrap(bytes, from, count));
        } else {
            buffer.put(bytes, from, count);
        }
        buffer.put((byte) '\n');
    }

    /**
     * The output paused: writes what is buffered, behind the caller when it is a burst's worth (at
     * least {@value #IDLE_BEHIND} bytes), at once otherwise, and then gives back a buffer that grew
     * for a burst, so a quiet service holds a small one.
     */
    void idle() throws IOException {
        finishBehind();
        if (buffer.capacity() == BUFFER && buffer.position() >= IDLE_BEHIND) {
            writeBehind();
            return;
        }
        flush();
        if (buffer.capacity() > SMALL_BUFFER) {
            buffer = ByteBuffer.allocate(SMALL_BUFFER);
            spare = null;
        }
    }

    /** The buffer is full: a small one is written now and replaced by a large one; a large one is written behind. */
    private void handOff() throws IOException {
        if (buffer.capacity() < BUFFER) {
            flush();
            buffer = spare == null ? ByteBuffer.allocate(BUFFER) : spare;
            spare = null;
            return;
        }
        writeBehind();
    }

    /** Waits for the previous write behind, then starts writing the buffer behind and fills the other one. */
    private void writeBehind() throws IOException {
        finishBehind();
        if (!out.isOpen()) {
            open();
        }
        ByteBuffer full = buffer;
        full.flip();
        buffer = spare == null ? ByteBuffer.allocate(BUFFER) : spare;
        spare = null;
        size += full.remaining();
        behind.start(out, full);
    }

    /** Waits for the write behind; on its failure, its unwritten bytes leave the size and the next line starts anew. */
    private void finishBehind() throws IOException {
        try {
            ByteBuffer done = behind.finish();
            if (done != null) {
                spare = done;
            }
        } catch (IOException e) {
            long lost = behind.unwritten();
            lostBehind += lost;
            size -= lost;
            midLine |= behind.endedMidLine();
            throw e;
        }
    }

    /** Writes out what is buffered. */
    void flush() throws IOException {
        finishBehind();
        buffer.flip();
        try {
            drain(buffer);
        } finally {
            buffer.compact();
        }
    }

    /** Gives up what is buffered and not yet written; returns how many bytes that was. */
    long discard() {
        long lost = buffer.position() + lostBehind;
        lostBehind = 0;
        buffer.clear();
        return lost;
    }

    private void drain(ByteBuffer bytes) throws IOException {
        if (!out.isOpen()) {
            open();
        }
        int start = bytes.position();
        try {
            WriteBehind.writeFully(out, bytes);
        } catch (IOException e) {
            midLine |= bytes.position() > 0 && bytes.get(bytes.position() - 1) != '\n';
            throw e;
        } finally {
            size += bytes.position() - start;
        }
    }

    private void rotate() throws IOException {
        finishBehind();
        out.close();
        Path file = spec.file();
        if (spec.keep() == 0) {
            Files.deleteIfExists(file);
        } else {
            Files.deleteIfExists(numbered(spec.keep()));
            for (int i = spec.keep() - 1; i >= 1; i--) {
                if (Files.exists(numbered(i))) {
                    Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path numbered(int i) {
        return spec.file().resolveSibling(spec.file().getFileName() + "." + i);
    }

    private void open() throws IOException {
        out = opener.open(spec.file());
        size = Files.exists(spec.file()) ? Files.size(spec.file()) : 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            behind.close();
            out.close();
        }
    }
}
