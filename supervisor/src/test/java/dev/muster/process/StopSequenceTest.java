package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The stop protocol on fake time: a 30 s stop timeout takes milliseconds. */
class StopSequenceTest {
    private final FakeTime time = new FakeTime();
    private final List<Signal> sent = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    @Test
    void aWorkloadThatEndsOnItsStopSignalIsNotKilled() {
        boolean killed = StopSequence.run(exit, signal -> {
            sent.add(signal);
            exit.complete(130);
        }, Signal.INT, Duration.ofSeconds(30), time);

        assertThat(killed).isFalse();
        assertThat(sent).containsExactly(Signal.INT);
        assertThat(time.slept()).isZero();
    }

    @Test
    void aWorkloadThatIgnoresItsStopSignalIsKilledAfterItsTimeout() {
        boolean killed = StopSequence.run(exit, signal -> {
            sent.add(signal);
            if (signal == Signal.KILL) {
                exit.complete(137);
            }
        }, Signal.TERM, Duration.ofSeconds(30), time);

        assertThat(killed).isTrue();
        assertThat(sent).containsExactly(Signal.TERM, Signal.KILL);
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anEndedWorkloadIsSentNothing() {
        exit.complete(0);

        assertThat(StopSequence.run(exit, sent::add, Signal.TERM, Duration.ofSeconds(30), time)).isFalse();
        assertThat(sent).isEmpty();
    }
}
