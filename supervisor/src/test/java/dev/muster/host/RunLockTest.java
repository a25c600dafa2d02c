package dev.muster.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    private static final Instant SINCE = Instant.parse("2026-12-01T21:30:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsItsHolderInTheFileAndReleasesOnClose() {
        Path file = dir.resolve("sub/.muster.lock");
        LockHolder self = new LockHolder(4711, "web-1", SINCE, "/app/p.yaml", 1000);

        try (RunLock lock = RunLock.acquire("lock " + file, file, Duration.ZERO, self, line -> { })) {
            assertThat(RunLock.holder(file)).contains(self);
        }
        try (RunLock again = RunLock.acquire("lock " + file, file, Duration.ZERO, self, line -> { })) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aSecondHolderWaitsSayingWhoHoldsItThenFailsWithExit3() {
        Path file = dir.resolve(".muster.lock");
        LockHolder first = new LockHolder(4711, "web-1", SINCE, "/app/p.yaml", 0);
        List<String> said = new ArrayList<>();

        try (RunLock held = RunLock.acquire("lock " + file, file, Duration.ZERO, first, line -> { })) {
            assertThatThrownBy(() -> RunLock.acquire("lock " + file, file, Duration.ofMillis(200),
                    new LockHolder(1, "web-2", SINCE, "/app/p.yaml", 0), said::add))
                    .isInstanceOfSatisfying(MusterException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.PREFLIGHT_FAILED))
                    .hasMessageContaining("lock " + file + " is held by muster pid 4711 on host web-1 since "
                            + "2026-12-01T21:30:00Z (profile /app/p.yaml, uid 0)")
                    .hasMessageContaining("stop the other one");
            assertThat(held).isNotNull();
        }
        assertThat(said).singleElement().asString().contains("is held by muster pid 4711", "waiting up to 0s");
    }

    @Test
    void parsesOnlyWhatItWrote() {
        LockHolder holder = new LockHolder(7, "h", SINCE, "/p.yaml", 1000);

        assertThat(LockHolder.parse(holder.toText())).contains(holder);
        assertThat(LockHolder.parse("")).isEmpty();
        assertThat(LockHolder.parse("pid=x\n")).isEmpty();
    }
}
