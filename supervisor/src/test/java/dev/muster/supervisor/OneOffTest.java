package dev.muster.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.process.ExitStatus;
import dev.muster.process.Signal;
import dev.muster.status.ServiceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster run}'s one-off command in the supervisor, on fake time and scripted workloads. */
class OneOffTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void runsOnceTheBootSettledKeepsTheStackUpAfterItsTasksAndExitsWithItsCode() throws Exception {
        try (FakeStack stack = new FakeStack(dir, """
                  migrate: { kind: task, command: [migrate] }
                  db: { command: [db] }
                """)) {
            stack.runtime.exitAtOnce("migrate", 0);
            ScriptedCommand command = new ScriptedCommand();
            stack.supervisor.attach(command);
            stack.start();

            await().atMost(WAIT).until(command.started::isDone);
            assertThat(stack.status("db").state()).isEqualTo(ServiceState.READY);
            assertThat(stack.status("migrate").state()).isEqualTo(ServiceState.COMPLETED);
            command.exit.complete(new ExitStatus(3));

            assertThat(stack.exit().get()).isEqualTo(3);
            assertThat(stack.runtime.last("db").signals()).containsExactly(Signal.TERM);
            assertThat(stack.supervisor.ending().how()).isEqualTo("the command job exited with code 3; every service"
                    + " stopped cleanly");
        }
    }

    @Test
    void aSignalGoesToTheCommandAndTheStackStopsOnlyWhenItEnds() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  db: { command: [db] }\n")) {
            ScriptedCommand command = new ScriptedCommand();
            stack.supervisor.attach(command);
            stack.start();
            await().atMost(WAIT).until(command.started::isDone);

            stack.supervisor.signal(Signal.INT);

            assertThat(command.forwarded).containsExactly(Signal.INT);
            assertThat(stack.runtime.last("db").signals()).as("db runs until the command ends").isEmpty();
            command.exit.complete(new ExitStatus(130));
            assertThat(stack.exit().get()).isEqualTo(130);
            assertThat(stack.runtime.last("db").signals()).containsExactly(Signal.TERM);
        }
    }

    @Test
    void aRequiredFailureWhileItRunsStopsTheCommandBeforeTheStack() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  db: { command: [db] }\n")) {
            ScriptedCommand command = new ScriptedCommand();
            stack.supervisor.attach(command);
            stack.start();
            await().atMost(WAIT).until(command.started::isDone);

            stack.runtime.last("db").exit(1);

            assertThat(stack.exit().get()).isEqualTo(1);
            assertThat(command.stopped).isTrue();
        }
    }

    @Test
    void neverRunsWhenADependencyFailsAtBoot() throws Exception {
        try (FakeStack stack = new FakeStack(dir, "  db: { command: [db] }\n")) {
            stack.runtime.exitAtOnce("db", 4);
            ScriptedCommand command = new ScriptedCommand();
            stack.supervisor.attach(command);

            assertThat(stack.start().exit().get()).isEqualTo(1);
            assertThat(command.started).isNotDone();
            assertThat(command.stopped).isTrue();
        }
    }

    /** A command that runs until the test completes {@link #exit}; stop() ends it with 143. */
    private static final class ScriptedCommand implements OneOff {
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
        final List<Signal> forwarded = new CopyOnWriteArrayList<>();
        volatile boolean stopped;

        @Override
        public synchronized Optional<ExitStatus> run() {
            if (stopped) {
                return Optional.empty();
            }
            started.complete(null);
            return Optional.of(exit.join());
        }

        @Override
        public boolean forward(Signal signal) {
            if (!started.isDone() || exit.isDone()) {
                return false;
            }
            forwarded.add(signal);
            return true;
        }

        @Override
        public void stop() {
            stopped = true;
            exit.complete(new ExitStatus(143));
        }

        @Override
        public String describe() {
            return "the command job";
        }
    }
}
