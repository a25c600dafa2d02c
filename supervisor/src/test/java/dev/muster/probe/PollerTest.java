package dev.muster.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Sleeper;
import dev.muster.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The one poller, on fake time: every duration here would take minutes in real time. */
class PollerTest {
    private final FakeTime time = new FakeTime();
    private final Poller poller = new Poller(time.clock(), time);
    private final List<ProbeResult> seen = new ArrayList<>();

    @Test
    void passesAsSoonAsTheProbePassesAndReportsEveryAttempt() {
        Scripted probe = new Scripted(no("refused"), no("HTTP 503"), yes("HTTP 200"));

        PollOutcome outcome = poller.untilPasses(probe, ready(Duration.ofMinutes(2)), new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.PASSED);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(seen).extracting(ProbeResult::detail).containsExactly("refused", "HTTP 503", "HTTP 200");
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void timesOutAtTheDeadlineWithTheLastResult() {
        PollOutcome outcome = poller.untilPasses(new Scripted(no("HTTP 503")), ready(Duration.ofMinutes(2)),
                new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.TIMED_OUT);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofMinutes(2));
        assertThat(outcome.last().detail()).isEqualTo("HTTP 503");
        assertThat(outcome.attempts()).isEqualTo(120);
    }

    @Test
    void aFatalResultEndsReadinessAtOnceButNotDuringTheStartPeriod() {
        Scripted probe = new Scripted(ProbeResult.fatal("password authentication failed"));
        PollSettings settings = new PollSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofSeconds(5), 1);

        PollOutcome outcome = poller.untilPasses(probe, settings, new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.FATAL);
        assertThat(outcome.elapsed()).as("ten attempts inside the start period did not count").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void failuresInTheStartPeriodAreNotTheLastErrorWhenALaterOneExists() {
        Scripted probe = new Scripted(no("the database system is starting up"), no("connection refused"));
        PollSettings settings = new PollSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1);

        PollOutcome outcome = poller.untilPasses(probe, settings, new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.TIMED_OUT);
        assertThat(outcome.last().detail()).isEqualTo("connection refused");
    }

    @Test
    void anAttemptTheDeadlineCutsShortIsNotTheLastErrorWhenAnEarlierOneSaidMore() {
        Probe probe = new Probe() {
            @Override
            public ProbeResult check(Duration timeout) {
                if (timeout.compareTo(Duration.ofSeconds(5)) < 0) {   // only the rest of the time: it runs out
                    time.advance(timeout.minusMillis(1));   // a socket timeout firing a hair early
                    return no("accepted the connection but did not answer in time");
                }
                return no("HTTP 200, body does not match");
            }

            @Override
            public String describe() {
                return "slow at the end";
            }
        };
        PollSettings settings = new PollSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 1);

        PollOutcome outcome = poller.untilPasses(probe, settings, new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.TIMED_OUT);
        assertThat(seen).extracting(ProbeResult::detail).as("the deadline did cut an attempt short")
                .contains("accepted the connection but did not answer in time");
        assertThat(outcome.last().detail()).isEqualTo("HTTP 200, body does not match");
    }

    @Test
    void anAttemptThatFailsWellBeforeTheDeadlineIsTheLastErrorEvenWhenGivenOnlyTheRestOfTheTime() {
        Scripted probe = new Scripted(no("HTTP 503"), no("HTTP 503"), no("connection refused"));
        PollSettings settings = new PollSettings(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(5), 1);

        PollOutcome outcome = poller.untilPasses(probe, settings, new CompletableFuture<>(), seen::add);

        assertThat(outcome.last().detail()).isEqualTo("connection refused");
    }

    @Test
    void aDefaultPaceBacksOffToOneSecondWhileAServiceTakesLongSoWaitingIsNeverBusy() {
        PollSettings settings = PollSettings.readiness(new dev.muster.profile.ReadySpec(
                new dev.muster.profile.ProbeSpec.Tcp("127.0.0.1", 5432), Duration.ofMinutes(2),
                dev.muster.profile.ReadySpec.DEFAULT_INTERVAL, Duration.ZERO));

        PollOutcome outcome = poller.untilPasses(new Scripted(no("refused")), settings, new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.TIMED_OUT);
        assertThat(outcome.attempts()).as("25 ms for the first quarter second, then a tenth of the wait, at most 1 s")
                .isBetween(100, 250);
        assertThat(settings.pauseAfter(Duration.ZERO)).isEqualTo(Duration.ofMillis(25));
        assertThat(settings.pauseAfter(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.pauseAfter(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIntervalTheProfileSetsIsKeptAsItIs() {
        PollSettings settings = PollSettings.readiness(new dev.muster.profile.ReadySpec(
                new dev.muster.profile.ProbeSpec.Tcp("127.0.0.1", 5432), Duration.ofMinutes(1),
                Duration.ofMillis(100), Duration.ZERO));

        assertThat(settings.pauseAfter(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void theWakeFutureEndsPollingAtOnce() {
        CompletableFuture<Void> exited = CompletableFuture.completedFuture(null);

        PollOutcome outcome = poller.untilPasses(new Scripted(yes("ok")), ready(Duration.ofMinutes(1)), exited, seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.WOKEN);
        assertThat(outcome.attempts()).isZero();
    }

    @Test
    void livenessEndsAfterTheThresholdOfFailuresInARowOnly() {
        Scripted probe = new Scripted(no("a"), yes("ok"), no("b"), no("c"), no("d"));
        PollSettings live = new PollSettings(Duration.ZERO, Duration.ofSeconds(10), null, Duration.ofSeconds(5), 3);

        PollOutcome outcome = poller.untilFails(probe, live, new CompletableFuture<>(), seen::add);

        assertThat(outcome.ending()).isEqualTo(PollOutcome.Ending.FAILING);
        assertThat(outcome.last().detail()).isEqualTo("d");
        assertThat(outcome.attempts()).isEqualTo(5);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void livenessFailuresInsideTheStartPeriodDoNotCount() {
        PollSettings live = new PollSettings(Duration.ofSeconds(60), Duration.ofSeconds(10), null, Duration.ofSeconds(5), 2);

        PollOutcome outcome = poller.untilFails(new Scripted(no("x")), live, new CompletableFuture<>(), seen::add);

        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(70));
    }

    @Test
    void theRealSleeperReturnsAtOnceWhenWoken() {
        CompletableFuture<Void> wake = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> wake.complete(null));
        long start = System.nanoTime();

        assertThat(Sleeper.system().sleep(Duration.ofMinutes(5), wake)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static PollSettings ready(Duration timeout) {
        return new PollSettings(Duration.ZERO, Duration.ofSeconds(1), timeout, Duration.ofSeconds(5), 1);
    }

    private static ProbeResult yes(String detail) {
        return ProbeResult.ready(detail);
    }

    private static ProbeResult no(String detail) {
        return ProbeResult.notYet(detail);
    }

    /** Answers its results in order, then the last one for ever. */
    private static final class Scripted implements Probe {
        private final Deque<ProbeResult> results;

        Scripted(ProbeResult... results) {
            this.results = new ArrayDeque<>(List.of(results));
        }

        @Override
        public ProbeResult check(Duration timeout) {
            return results.size() > 1 ? results.poll() : results.peek();
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }
}
