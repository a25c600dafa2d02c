package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 items 4 and 5: one supervisor per profile and per data volume, and what a killed run
 * leaves behind: the implicit run lock, {@code lock:}, a stale or live {@code postmaster.pid}, and
 * services that outlived a SIGKILLed muster.
 */
class LocksAndLeftoversIT {
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void twoUpsOfOneProfileNeverBothBoot() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: twice
                control: { listen: "127.0.0.1:0" }   # a control port of their own: only the lock keeps them apart
                services:
                  app:
                    command: %s
                    ready: { log: "app up" }
                """.formatted(sh("say-then-idle.sh", 0, "app up")));

        try (MusterRun first = MusterRun.up(profile, Map.of()); MusterRun second = MusterRun.up(profile, Map.of())) {
            await("one of the two gives up").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !first.isAlive() || !second.isAlive());
            MusterRun loser = first.isAlive() ? second : first;
            MusterRun winner = loser == first ? second : first;
            assertThat(loser.awaitExit(Duration.ofSeconds(5))).as(loser.output()).isEqualTo(3);
            assertThat(String.join("\n", loser.stderr())).as(loser.output("the loser names the holder"))
                    .contains("is held by muster pid " + winner.pid() + " on host ")
                    .doesNotContain("app up");
            winner.awaitLine(line("muster") + "all required services ready in", BOOT);
            winner.signal("TERM");
            assertThat(winner.awaitExit(STOP)).as(winner.output()).isEqualTo(143);
        }
    }

    @Test
    void aSecondMusterOnTheSameLockWaitsSayingWhoHoldsItThenExits3() throws IOException {
        Path lock = dir.resolve("volume/.muster.lock");
        Path one = stackOnLock("one", lock);
        Path two = stackOnLock("two", lock);

        try (MusterRun first = MusterRun.up(one, Map.of())) {
            first.awaitLine(line("muster") + "all required services ready in", BOOT);
            assertThat(lock).as("the lock file records its holder").content()
                    .contains("pid=" + first.pid(), "profile=" + one);
            try (MusterRun second = MusterRun.up(two, Map.of())) {
                second.awaitLine(line("muster") + "lock " + java.util.regex.Pattern.quote(lock.toString())
                        + " is held by muster pid " + first.pid() + " on host \\S+ since \\S+Z .*waiting up to 2s", BOOT);
                assertThat(second.awaitExit(Duration.ofSeconds(20))).as(second.output()).isEqualTo(3);
                assertThat(String.join("\n", second.stderr())).as(second.output())
                        .contains("is held by muster pid " + first.pid(), "waited 2s", "stop the other one");
            }
            first.signal("TERM");
            assertThat(first.awaitExit(STOP)).as(first.output()).isEqualTo(143);
        }
        try (MusterRun again = MusterRun.up(two, Map.of())) {
            again.awaitLine(line("muster") + "all required services ready in", BOOT);
            again.signal("TERM");
            assertThat(again.awaitExit(STOP)).as(again.output("released with its holder's exit")).isEqualTo(143);
        }
    }

    @Test
    void theNextUpStopsWhatAKilledMusterLeftBehindBeforeBooting() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: stubborn
                control: { listen: "127.0.0.1:0", run_dir: %s }
                services:
                  deaf:
                    command: %s
                    ready: { log: "deaf up" }
                    stop: { signal: TERM, timeout: 2s }
                """.formatted(Fixtures.quote(dir.resolve("run").toString()), sh("ignore-term.sh", dir, "deaf")));
        long leftover;
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            leftover = Fixtures.pidIn(dir.resolve("deaf.pid"));
            // The record is written by its own thread, soon after the launch but not before a given line:
            // only a SIGKILL after it names deaf tests the next boot (and not how fast this test is).
            await("the boot record names deaf's pid").atMost(BOOT)
                    .until(() -> recordedPid(dir.resolve("run/boot.json"), "deaf") == leftover);
            run.signal("KILL");
            assertThat(run.awaitExit(Duration.ofSeconds(10))).isEqualTo(137);
        }
        assertThat(Fixtures.alive(leftover)).as("it ignores its parent-death SIGTERM, so it outlived muster").isTrue();

        try (MusterRun next = MusterRun.up(profile, Map.of())) {
            next.awaitLine(line("muster") + "the previous run of this profile left deaf \\(pid " + leftover
                    + "\\) running; stopping it with SIGTERM before booting", BOOT);
            next.awaitLine(line("muster") + "all required services ready in", BOOT);
            assertThat(Fixtures.alive(leftover)).as(next.output("the leftover is gone")).isFalse();
            next.signal("TERM");
            assertThat(next.awaitExit(STOP)).as(next.output()).isEqualTo(143);
        }
    }

    @Test
    void aStalePostmasterPidWhosePidIsNowAnotherProcessDoesNotBlockTheBoot() throws Exception {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        Path profile = SignalsIT.postgresProfile(dir, Fixtures.freePort());
        bootAndStop(profile);
        Process reused = new ProcessBuilder("setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups",
                "sleep", "600").start();
        try {
            Path pidFile = dir.resolve("pg/postmaster.pid");
            Files.writeString(pidFile, reused.pid() + "\n" + dir.resolve("pg") + "\n1764620000\n5432\n\n\n 0 0\nready\n");
            PostgresCluster.chownToPostgres(pidFile);

            try (MusterRun run = MusterRun.up(profile, Map.of())) {
                run.awaitLine(line("muster") + "removed a stale .*postmaster.pid: it names pid " + reused.pid()
                        + ", which is now \"sleep\"", BOOT);
                run.awaitLine(line("muster") + "all required services ready in", BOOT);
                run.signal("TERM");
                assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
            }
            assertThat(reused.isAlive()).as("the process that reused the pid was left alone").isTrue();
        } finally {
            reused.destroyForcibly();
        }
    }

    @Test
    void aLivePostmasterOnTheSameDataDirectoryStopsTheBootWithExit3() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        Path first = SignalsIT.postgresProfile(dir, Fixtures.freePort());
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        Path second = Fixtures.profile(otherDir, Files.readString(first)
                .replace("name: signals", "name: intruder").replaceAll("-p, \"\\d+\"", "-p, \"" + Fixtures.freePort() + "\""));

        try (MusterRun run = MusterRun.up(first, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).strip());
            try (MusterRun intruder = MusterRun.up(second, Map.of())) {
                assertThat(intruder.awaitExit(Duration.ofSeconds(30))).as(intruder.output()).isEqualTo(3);
                assertThat(String.join("\n", intruder.stderr())).as(intruder.output())
                        .contains("services.postgres: PostgreSQL (pid " + postmaster + ") is already running on "
                                + dir.resolve("pg"), "pg_ctl stop -D");
            }
            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
            SignalsIT.assertCleanShutdown(run, dir);
        }
    }

    /** The pid the boot record at {@code record} gives {@code service}, -1 while there is none. */
    private static long recordedPid(Path record, String service) throws IOException {
        if (!Files.exists(record)) {
            return -1;
        }
        for (JsonNode unit : new ObjectMapper().readTree(Files.readString(record)).path("services")) {
            if (unit.path("name").asText().equals(service)) {
                return unit.path("pid").asLong(-1);
            }
        }
        return -1;
    }

    private static void bootAndStop(Path profile) {
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
        }
    }

    private Path stackOnLock(String name, Path lock) throws IOException {
        Path stackDir = Files.createDirectories(dir.resolve(name));
        return Fixtures.profile(stackDir, """
                version: 1
                name: %s
                control: { listen: "127.0.0.1:0" }
                lock: { path: %s, timeout: 2s }
                services:
                  app:
                    command: %s
                    ready: { log: "app up" }
                """.formatted(name, Fixtures.quote(lock.toString()), sh("say-then-idle.sh", 0, "app up")));
    }
}
