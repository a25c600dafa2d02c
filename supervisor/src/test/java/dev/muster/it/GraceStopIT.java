package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping under {@code grace:} with a real PostgreSQL: an app that ignores SIGTERM and would take its
 * whole 30 s stop timeout is SIGKILLed after its share, so PostgreSQL still shuts down cleanly in time.
 */
class GraceStopIT {
    private static final Duration BOOT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    int port;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        port = Fixtures.freePort();
    }

    @Test
    void theSlowAppIsCutSoPostgresShutsDownCleanlyWithinTheGrace() {
        Path data = dir.resolve("pg");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: grace
                grace: 8s
                env:
                  PATH: %1$s:${PATH}
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                services:
                %4$s
                  app:
                    depends_on: [postgres]
                    command: %3$s
                    ready: { log: "app up", timeout: 20s }
                    stop: { timeout: 30s }
                """.formatted(PostgresCluster.BIN, data, sh("ignore-term.sh", dir, "app"),
                PostgresServices.of(data, dir, port).stoppedBy("{ signal: INT, timeout: 5s }").yaml()));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);

            Instant sent = Instant.now();
            run.signal("TERM");
            run.awaitLine(line("postgres") + ".*database system is shut down", Duration.ofSeconds(20));
            Duration postgresDown = Duration.between(sent, Instant.now());
            int exit = run.awaitExit(Duration.ofSeconds(20));

            assertThat(exit).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output("said once what the grace cuts"))
                    .filteredOn(l -> l.contains("stopping under a 8s grace (grace: in the profile)")).singleElement()
                    .satisfies(l -> assertThat(l).containsPattern("app gets (3s|3\\.00s) instead of 30s").contains("; postgres 5s"));
            // What is left of its 3s when its stop begins: the budget counts from the signal's arrival, and
            // the time until the stop begins is the machine's, so only the whole seconds are known.
            assertThat(run.stdout()).as(run.output("the app is SIGKILLed after its 3s, not its own 30s"))
                    .anyMatch(l -> l.matches(line("muster") + "stopping app: SIGTERM to its process group, SIGKILL after (2\\.\\d\\d|3\\.00)s"))
                    .anyMatch(l -> l.matches(line("muster") + "app stopped: did not stop within (2\\.\\d\\d|3\\.00)s of SIGTERM.*"))
                    .noneMatch(l -> l.matches(line("muster") + "postgres stopped: did not stop.*"));
            assertThat(postgresDown).as(run.output("PostgreSQL shut down cleanly well within the 8s grace"))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3))
                    .isLessThan(Duration.ofSeconds(8));
        }
    }
}
