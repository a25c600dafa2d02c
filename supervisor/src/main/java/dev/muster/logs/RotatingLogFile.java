package dev.muster.logs;

import dev.muster.profile.LogSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that rotates by size: when the next line would take it past {@code max_size}, the
 * file becomes {@code NAME.1}, {@code NAME.1} becomes {@code NAME.2}, and so on up to {@code keep}.
 * Not thread-safe; {@link ServiceLog} serialises writes.
 */
final class RotatingLogFile implements AutoCloseable {
    private final LogSpec spec;
    private OutputStream out;
    private long size;

    RotatingLogFile(LogSpec spec) throws IOException {
        this.spec = spec;
        Path parent = spec.file().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    void write(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + bytes.length > spec.maxSize()) {
            rotate();
        }
        out.write(bytes);
        out.flush();
        size += bytes.length;
    }

    private void rotate() throws IOException {
        out.close();
        Path file = spec.file();
        if (spec.keep() == 0) {
            Files.delete(file);
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
        out = Files.newOutputStream(spec.file(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(spec.file());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
