package dev.muster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.profile.LogSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileWriterTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();
    final List<String> notices = new ArrayList<>();
    volatile boolean diskFull;

    @Test
    void aFullDiskDropsLinesCountsThemAndRecoversOnceSpaceIsBack() throws Exception {
        Path path = dir.resolve("app.log");
        LogFileWriter writer = new LogFileWriter(new RotatingLogFile(new LogSpec(path, 1 << 20, 1), this::open),
                path, clock, notices::add);
        writer.write("before");
        writer.flush();
        diskFull = true;
        writer.write("lost-1");
        writer.flush();
        writer.write("lost-2");

        assertThat(writer.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.error()).isEqualTo("No space left on device");
            assertThat(problem.droppedBytes()).isEqualTo(14);
            assertThat(problem.retryAt()).isEqualTo(clock.instant().plusSeconds(1));
        });
        diskFull = false;
        writer.write("still-in-backoff");
        clock.advance(Duration.ofSeconds(1));
        writer.write("after");
        writer.close();

        assertThat(writer.problem()).isEmpty();
        assertThat(writer.droppedTotal()).isEqualTo(14 + 17);
        assertThat(Files.readAllLines(path)).hasSize(3).first().isEqualTo("before");
        assertThat(Files.readAllLines(path).get(1)).startsWith("muster: 31 bytes of output are missing here (No space left on device");
        assertThat(Files.readAllLines(path).get(2)).isEqualTo("after");
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0)).contains("No space left on device", "Free space");
        assertThat(notices.get(1)).contains("works again", "31 bytes");
    }

    @Test
    void aWriteBehindThatFailsCountsEveryByteItLostAndTheFileKeepsWholeLinesInOrder() throws Exception {
        Path path = dir.resolve("burst.log");
        LogFileWriter writer = new LogFileWriter(new RotatingLogFile(new LogSpec(path, 1L << 30, 1), this::open),
                path, clock, notices::add);
        long offered = 0;
        for (int i = 0; i < 30_000; i++) {
            diskFull = i >= 20_000;
            String line = String.format("%06d %s", i, "x".repeat(90));
            writer.write(line);
            offered += line.length() + 1;
        }
        diskFull = false;
        clock.advance(Duration.ofSeconds(1));
        writer.write("after");
        offered += "after\n".length();
        writer.close();

        List<String> lines = Files.readAllLines(path);
        String notice = lines.stream().filter(l -> l.startsWith("muster: ")).findFirst().orElseThrow();
        assertThat(notice).startsWith("muster: " + writer.droppedTotal() + " bytes of output are missing here");
        assertThat(Files.size(path) - notice.length() - 1 + writer.droppedTotal()).isEqualTo(offered);
        List<String> numbered = lines.stream().filter(l -> !l.startsWith("muster: ") && !l.equals("after")).toList();
        assertThat(numbered).isNotEmpty().allMatch(l -> l.length() == 97);
        for (int i = 0; i < numbered.size(); i++) {
            assertThat(numbered.get(i)).startsWith(String.format("%06d ", i));
        }
        assertThat(lines.get(lines.size() - 1)).isEqualTo("after");
    }

    @Test
    void eachFailedRetryDoublesTheBackoffUpToThirtySeconds() throws Exception {
        Path path = dir.resolve("app.log");
        LogFileWriter writer = new LogFileWriter(new RotatingLogFile(new LogSpec(path, 1 << 20, 1), this::open),
                path, clock, notices::add);
        diskFull = true;
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            writer.write("x");
            writer.flush();
            Duration wait = Duration.between(clock.instant(), writer.problem().orElseThrow().retryAt());
            waits.add(wait);
            clock.advance(wait);
        }
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(notices).hasSize(1);
    }

    private WritableByteChannel open(Path file) throws IOException {
        FileChannel real = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                if (diskFull) {
                    throw new IOException("No space left on device");
                }
                return real.write(src);
            }

            @Override
            public boolean isOpen() {
                return real.isOpen();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
