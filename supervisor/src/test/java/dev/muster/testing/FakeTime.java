package dev.muster.testing;

import dev.muster.process.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock and a sleeper for tests: every sleep moves the clock on at once by its whole duration
 * (a two-minute backoff takes a millisecond), then gives other threads one real millisecond to
 * complete the wake future, so events from the test's own thread are still seen. A wait of a day
 * or more (waiting for an event with no deadline) really waits and leaves the clock alone, so idle
 * units do not move time for the others.
 */
public final class FakeTime implements Sleeper {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private volatile Duration slept = Duration.ZERO;
    private volatile Duration hold = Duration.ofDays(1);

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return now.get();
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /**
     * From now on a sleep of at least {@code longest} really waits for its wake future (up to 10 s),
     * so a test can act while a unit backs off.
     */
    public void hold(Duration longest) {
        hold = longest;
    }

    /** The fake time spent sleeping so far. */
    public Duration slept() {
        return slept;
    }

    @Override
    public boolean sleep(Duration max, CompletableFuture<?> wake) {
        if (wake.isDone()) {
            return true;
        }
        if (max.compareTo(hold) >= 0) {
            waitReally(wake, 10_000);
            return wake.isDone();
        }
        if (!max.isNegative() && !max.isZero()) {
            advance(max);
            slept = slept.plus(max);
        }
        waitReally(wake, 1);
        return wake.isDone();
    }

    private static void waitReally(CompletableFuture<?> wake, long millis) {
        try {
            wake.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The wait is over.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
