package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL run by muster itself (initdb task, postgres service, schema guard, an app), booted and
 * stopped with SIGTERM again and again: no row is lost, the bootstrap file is applied exactly once,
 * and every stop is a clean shutdown (no WAL recovery on the next boot).
 */
class PostgresLifecycleIT {
    private static final int CYCLES = 20;
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final String NOT_CLEAN = "database system was not properly shut down";

    @TempDir
    Path dir;
    int port;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        port = Fixtures.freePort();
    }

    private Path profile(Path bootstrap) {
        Path data = dir.resolve("pg");
        return Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }   # several musters may run at once
                name: lifecycle
                env:
                  PATH: %1$s:${PATH}
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                services:
                %6$s
                  schema:
                    kind: schema
                    depends_on: [postgres]
                    database: { port: %3$d, name: postgres }
                    schemas: [app]
                    apply: %4$s
                  app:
                    depends_on: [schema]
                    command: %5$s
                    ready: { log: "app up" }
                """.formatted(PostgresCluster.BIN, Fixtures.quote(data.toString()), port, Fixtures.quote(bootstrap.toString()),
                sh("say-then-idle.sh", 0, "app up"), PostgresServices.of(data, dir, port).yaml()));
    }

    private Path bootstrap(String extra) throws IOException {
        return Files.writeString(dir.resolve("schema.sql"), """
                DROP SCHEMA IF EXISTS app CASCADE;
                CREATE SCHEMA app;
                CREATE TABLE app.rows (id bigserial PRIMARY KEY, cycle int NOT NULL);
                """ + extra);
    }

    @Test
    void twentyBootWriteSigtermCyclesLoseNoRowApplyTheFileOnceAndShutDownCleanly() throws Exception {
        Path profile = profile(bootstrap(""));
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            try (MusterRun run = MusterRun.up(profile, Map.of())) {
                run.awaitLine(line("muster") + "all required services ready in", BOOT);
                assertThat(run.indexOf(line("schema") + (cycle == 1 ? "applied schema.sql" : ".*normal restart")))
                        .as(run.output("cycle " + cycle + ": the guard applies once, then leaves the database alone"))
                        .isNotNegative();
                assertThat(run.transcript()).as("cycle %d", cycle).doesNotContain(NOT_CLEAN);
                execute("INSERT INTO app.rows (cycle) SELECT " + cycle + " FROM generate_series(1, 5)");
                assertThat(count("SELECT count(*) FROM app.rows")).as("rows after cycle %d", cycle).isEqualTo(5L * cycle);
                assertThat(count("SELECT count(*) FROM muster.schema_history")).isEqualTo(1);

                run.signal("TERM");
                assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            }
            assertThat(PostgresCluster.clusterState(dir.resolve("pg"))).as("cluster state after cycle %d", cycle)
                    .isEqualTo("shut down");
        }
    }

    @Test
    void sigtermWhileTheGuardAppliesCancelsItAndLeavesTheClusterShutDownWithNothingApplied() throws Exception {
        Path profile = profile(bootstrap("SELECT pg_sleep(30);\nCREATE TABLE app.late (id int);\n"));
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("schema") + "database postgres has no tables in app; applying schema.sql", BOOT);
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(15))).as(run.output()).isEqualTo(143);
            run.awaitLine(line("schema") + "stopped: cancelled because muster is stopping; the transaction was rolled"
                    + " back, nothing was applied", Duration.ofSeconds(1));
            assertThat(run.transcript()).contains("database system is shut down").doesNotContain("FAILED");
        }
        assertThat(PostgresCluster.clusterState(dir.resolve("pg"))).isEqualTo("shut down");

        bootstrap("CREATE TABLE app.late (id int);\n");
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            assertThat(run.transcript()).doesNotContain(NOT_CLEAN);
            assertThat(run.indexOf(line("schema") + "applied schema.sql .*created 2 tables in app")).as(run.output())
                    .isNotNegative();
            assertThat(count("SELECT count(*) FROM muster.schema_history")).isEqualTo(1);
        }
    }

    @Test
    void sigtermWhilePostgresIsStartingLeavesTheClusterShutDown() throws Exception {
        Path profile = profile(bootstrap(""));
        for (int boot = 0; boot < 2; boot++) {
            try (MusterRun run = MusterRun.up(profile, Map.of())) {
                run.awaitLine(line("postgres") + "started, pid", BOOT);
                run.signal("TERM");
                assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
                assertThat(run.transcript()).doesNotContain(NOT_CLEAN);
            }
            assertThat(PostgresCluster.clusterState(dir.resolve("pg"))).isEqualTo("shut down");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
