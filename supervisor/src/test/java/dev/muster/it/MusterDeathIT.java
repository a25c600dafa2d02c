package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 5: when muster itself is SIGKILLed (or meets the OOM killer), the kernel gives
 * each service its own stop signal (PR_SET_PDEATHSIG through setpriv), so PostgreSQL shuts down
 * cleanly, and the next {@code up} boots without WAL recovery.
 */
class MusterDeathIT {
    private static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
    }

    @Test
    void sigkillOfMusterStillShutsPostgresDownCleanlyAndTheNextUpBoots() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("pglog"));
        PostgresCluster.chownToPostgres(logs);
        Path profile = SignalsIT.postgresProfile(dir, Fixtures.freePort(),
                ", -c, logging_collector=on, -c, " + Fixtures.quote("log_directory=" + logs) + ", -c, log_filename=pg.log");
        Path pgLog = logs.resolve("pg.log");

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            run.signal("KILL");
            assertThat(run.awaitExit(Duration.ofSeconds(10))).isEqualTo(137);
        }
        await("PostgreSQL, told by the kernel with its own stop signal, shuts down cleanly")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(pgLog).content()
                        .contains("received fast shutdown request", "database system is shut down"));
        await("no postmaster left").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !Files.exists(dir.resolve("pg/postmaster.pid")));

        try (MusterRun again = MusterRun.up(profile, Map.of())) {
            again.awaitLine(line("muster") + "all required services ready in", BOOT);
            again.signal("TERM");
            assertThat(again.awaitExit(Duration.ofSeconds(40))).as(again.output()).isEqualTo(143);
        }
        assertThat(pgLog).content().doesNotContain("database system was not properly shut down");
    }
}
