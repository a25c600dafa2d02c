package dev.muster.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessWaiterTest {
    private final ReadinessWaiter waiter = new ReadinessWaiter(Clock.systemUTC());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void readyAsSoonAsTheProbePasses() {
        AtomicInteger calls = new AtomicInteger();
        Probe probe = fixed(() -> calls.incrementAndGet() >= 3);

        Readiness readiness = waiter.await(probe, Duration.ofSeconds(5), Duration.ofMillis(1),
                new CompletableFuture<>(), new CompletableFuture<>());

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.READY);
        assertThat(readiness.attempts()).isEqualTo(3);
    }

    @Test
    void noticesReadinessWithinFiftyMillisecondsAtTheDefaultInterval() {
        long readyAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        Probe probe = fixed(() -> System.nanoTime() >= readyAt);

        waiter.await(probe, Duration.ofSeconds(5), dev.muster.profile.ReadySpec.DEFAULT_INTERVAL,
                new CompletableFuture<>(), new CompletableFuture<>());

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readyAt)).isLessThan(50);
    }

    @Test
    void anExitEndsTheWaitAtOnceEvenWithALongInterval() {
        CompletableFuture<Void> exited = new CompletableFuture<>();
        scheduler.schedule(() -> exited.complete(null), 100, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();

        Readiness readiness = waiter.await(fixed(() -> false), Duration.ofSeconds(30), Duration.ofSeconds(10),
                exited, new CompletableFuture<>());

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.EXITED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
    }

    @Test
    void timesOutAtTheDeadlineWithTheLastProbeResult() {
        Readiness readiness = waiter.await(fixed(() -> false), Duration.ofMillis(200), Duration.ofMillis(20),
                new CompletableFuture<>(), new CompletableFuture<>());

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.TIMED_OUT);
        assertThat(readiness.lastResult().detail()).isEqualTo("not yet");
        assertThat(readiness.elapsed()).isBetween(Duration.ofMillis(200), Duration.ofMillis(1_500));
    }

    @Test
    void anAttemptCutShortByTheDeadlineDoesNotHideTheEarlierExplanation() {
        Probe probe = new Probe() {
            @Override
            public ProbeResult check(Duration timeout) {
                if (timeout.toMillis() < 100) {
                    return waitOut(timeout);
                }
                return ProbeResult.notYet("HTTP 200 (body does not match /ok/)");
            }

            private ProbeResult waitOut(Duration timeout) {
                new CompletableFuture<Void>().completeOnTimeout(null, timeout.toMillis() + 5, TimeUnit.MILLISECONDS).join();
                return ProbeResult.notYet("did not answer in time");
            }

            @Override
            public String describe() {
                return "slow at the end";
            }
        };

        Readiness readiness = waiter.await(probe, Duration.ofMillis(300), Duration.ofMillis(20),
                new CompletableFuture<>(), new CompletableFuture<>());

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.TIMED_OUT);
        assertThat(readiness.lastResult().detail()).isEqualTo("HTTP 200 (body does not match /ok/)");
    }

    @Test
    void cancellingEndsTheWait() {
        CompletableFuture<Void> cancel = new CompletableFuture<>();
        scheduler.schedule(() -> cancel.complete(null), 50, TimeUnit.MILLISECONDS);

        Readiness readiness = waiter.await(fixed(() -> false), Duration.ofSeconds(30), Duration.ofSeconds(10),
                new CompletableFuture<>(), cancel);

        assertThat(readiness.outcome()).isEqualTo(Readiness.Outcome.CANCELLED);
    }

    private static Probe fixed(java.util.function.BooleanSupplier ready) {
        return new Probe() {
            @Override
            public ProbeResult check(Duration timeout) {
                return ready.getAsBoolean() ? ProbeResult.ready("ok") : ProbeResult.notYet("not yet");
            }

            @Override
            public String describe() {
                return "fixed";
            }
        };
    }
}
