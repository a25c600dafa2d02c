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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backups:} with the real pg_dump, pg_dumpall and pg_restore: the on-stop dump runs after the app
 * stopped and before PostgreSQL; a fresh data directory is restored before the schema step, so the
 * bootstrap file is not applied; a killed dump leaves the previous one valid; a corrupt newest dump is
 * skipped for the older valid one; no valid dump at all refuses the boot.
 */
class BackupRestoreIT {
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final String READY = line("muster") + "all required services ready in";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    int port;
    Path data;
    Path bucket;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        port = Fixtures.freePort();
        data = dir.resolve("pg");
        bucket = dir.resolve("bucket/backups");
        Files.writeString(dir.resolve("schema.sql"), """
                DROP SCHEMA IF EXISTS app CASCADE;
                CREATE SCHEMA app;
                CREATE TABLE app.rows (id bigserial PRIMARY KEY, payload text NOT NULL);
                """);
    }

    private Path profile(String backupExtra) {
        return Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }
                name: backups
                env:
                  PATH: ${EXTRA_PATH:-/nonexistent}:%1$s:${PATH}
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                backups:
                  db:
                    database: { port: %4$d, name: postgres }
                    to: %6$s
                    keep: 3
                %7$s
                services:
                %8$s
                  schema:
                    kind: schema
                    depends_on: [postgres]
                    database: { port: %4$d, name: postgres }
                    schemas: [app]
                    apply: %3$s/schema.sql
                  app:
                    depends_on: [schema]
                    command: %5$s
                    ready: { log: "app up" }
                """.formatted(PostgresCluster.BIN, data, dir, port, sh("say-then-idle.sh", 0, "app up"), bucket,
                backupExtra.indent(4).stripTrailing(), PostgresServices.of(data, dir, port).yaml()));
    }

    @Test
    void aFreshDataDirectoryGetsEveryRowBackAndTheBootstrapFileIsNotApplied() throws Exception {
        Path profile = profile("");
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(READY, BOOT);
            assertThat(run.transcript()).contains("no dump in " + bucket + " yet; this is a first boot");
            execute("INSERT INTO app.rows (payload) SELECT 'row ' || g FROM generate_series(1, 10000) g");
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            int appStopped = run.indexOf(line("muster") + "app stopped: ");
            int dumped = run.indexOf("backups.db \\(on-stop\\): wrote db-.*\\.dump");
            int postgresStopping = run.indexOf(line("muster") + "stopping postgres: ");
            assertThat(appStopped).as(run.output("app stopped, then the dump, then PostgreSQL")).isNotNegative();
            assertThat(dumped).as(run.output()).isGreaterThan(appStopped);
            assertThat(postgresStopping).as(run.output()).isGreaterThan(dumped);
        }
        assertThat(dumps()).hasSize(1);
        deleteDataDirectory();

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(READY, BOOT);
            assertThat(run.indexOf(line("schema") + "restored postgres from db-.*\\.dump .*: 1 table, 10000 rows"))
                    .as(run.output("restored: app.rows (muster.schema_history is not counted)")).isNotNegative();
            assertThat(run.indexOf(line("schema") + ".*normal restart")).as(run.output()).isNotNegative();
            assertThat(run.transcript()).doesNotContain("applying schema.sql in one transaction");
            assertThat(count("SELECT count(*) FROM app.rows")).isEqualTo(10_000);
            assertThat(count("SELECT count(*) FROM muster.schema_history")).isEqualTo(1);
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
        }
        assertThat(dumps()).hasSize(2);
    }

    @Test
    void statusShowsThePeriodicDumpAndTheBootRecordTheOnStopDump() throws Exception {
        Path profile = profile("every: 2s");
        Path runDir = dir.resolve("run");
        Files.writeString(profile, Files.readString(profile).replace("control: { listen: \"127.0.0.1:0\" }",
                "control: { listen: \"127.0.0.1:0\", run_dir: " + runDir + " }"));
        String onStopFile;
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(run);
            run.awaitLine(READY, BOOT);
            execute("INSERT INTO app.rows (payload) SELECT 'row' FROM generate_series(1, 100)");
            run.awaitLine("backups\\.db \\(scheduled\\): wrote db-", BOOT);

            await().atMost(BOOT).untilAsserted(() -> {
                JsonNode backup = JSON.readTree(control.get("/status").body()).path("backups").get(0);
                assertThat(backup.path("name").asText()).isEqualTo("db");
                assertThat(backup.path("to").asText()).isEqualTo(bucket.toString());
                assertThat(backup.path("lastSuccessAt").isTextual()).as(backup.toString()).isTrue();
                assertThat(backup.path("lastSize").asLong()).isPositive();
                assertThat(backup.path("lastDurationMs").asLong()).isPositive();
                assertThat(backup.path("lastFile").asText()).matches("db-.*\\.dump");
                assertThat(Files.exists(bucket.resolve(backup.path("lastFile").asText()))).isTrue();
                assertThat(backup.path("lastResult").asText()).isEqualTo("written");
                assertThat(backup.path("failures").asInt()).isZero();
            });
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("backups\\.db \\(on-stop\\): wrote (db-\\S+\\.dump)")
                    .matcher(run.transcript());
            assertThat(wrote.find()).as(run.output()).isTrue();
            onStopFile = wrote.group(1);
        }
        JsonNode recorded = JSON.readTree(Files.readString(runDir.resolve("boot.json"))).path("backups").get(0);
        assertThat(recorded.path("lastFile").asText()).as(recorded.toString()).isEqualTo(onStopFile);
        assertThat(recorded.path("failures").asInt()).isZero();
    }

    @Test
    void aSigkillDuringADumpLeavesThePreviousDumpValidAndTheNextBootRestoresIt() throws Exception {
        Path profile = profile("every: 1s");
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(READY, BOOT);
            execute("INSERT INTO app.rows (payload) SELECT 'row' FROM generate_series(1, 100)");
            run.awaitLine("backups.db \\(scheduled\\): wrote db-.*\\.dump", BOOT);
            assertThat(ControlHttp.of(run).get("/metrics").body())
                    .containsPattern("muster_backup_last_size_bytes\\{backup=\"db\"\\} [1-9]")
                    .containsPattern("muster_backup_last_success_timestamp_seconds\\{backup=\"db\"\\} 1\\.")
                    .contains("muster_backup_failures_total{backup=\"db\"} 0.0");
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            assertThat(run.transcript()).contains("backups.db (on-stop): wrote");
        }
        Path marker = dir.resolve("hang.pid");
        Path wrappers = Files.createDirectories(dir.resolve("wrappers"));
        Path fake = Files.copy(Path.of(BackupRestoreIT.class.getResource("/fixtures/hanging-pg-dump.sh").toURI()),
                wrappers.resolve("pg_dump"));
        Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (MusterRun run = MusterRun.up(profile, Map.of("EXTRA_PATH", wrappers.toString(),
                "HANG_MARKER", marker.toString()))) {
            run.awaitLine(READY, BOOT);
            execute("INSERT INTO app.rows (payload) SELECT 'lost' FROM generate_series(1, 50)");
            await().atMost(BOOT).until(() -> Files.exists(marker) && !Files.readString(marker).isBlank());
            run.signal("KILL");
            run.awaitExit(BOOT);
        }
        ProcessHandle.of(Fixtures.pidIn(marker)).ifPresent(ProcessHandle::destroyForcibly);
        stopOrphanedPostgres();
        try (Stream<Path> files = Files.list(bucket)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("the killed dump's temporary file")
                    .anyMatch(name -> name.startsWith(".db-") && name.endsWith(".dump.tmp"));
        }
        deleteDataDirectory();

        try (MusterRun run = MusterRun.up(profile("every: 1h"), Map.of())) {
            run.awaitLine(READY, BOOT);
            assertThat(run.indexOf(line("schema") + "restored postgres from .*100 rows")).as(run.output()).isNotNegative();
            assertThat(count("SELECT count(*) FROM app.rows")).isEqualTo(100);
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
        }
    }

    @Test
    void aCorruptNewestDumpIsSkippedForTheOlderValidOneAndNoValidDumpRefusesTheBoot() throws Exception {
        Path profile = profile("");
        bootWriteAndStop(profile, 10);
        bootWriteAndStop(profile, 5);
        List<Path> dumps = dumps();
        assertThat(dumps).hasSize(2);
        corrupt(dumps.get(1), 2);
        deleteDataDirectory();

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(READY, BOOT);
            assertThat(run.indexOf("WARNING: skipping dump " + dumps.get(1).getFileName().toString().replace(".dump", "")
                    + ": .*sha256")).as(run.output()).isNotNegative();
            assertThat(count("SELECT count(*) FROM app.rows")).isEqualTo(10);
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
        }
        for (Path dump : dumps()) {
            corrupt(dump, 3);
        }
        deleteDataDirectory();

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(1);
            assertThat(run.transcript()).contains("none of the 3 dump(s) in " + bucket + " is valid")
                    .contains("refusing to boot from the bootstrap file").doesNotContain("applying schema.sql in one transaction");
        }
    }

    @Test
    void restoreRequiredWithoutADumpRefusesTheBoot() throws Exception {
        try (MusterRun run = MusterRun.up(profile("restore: required"), Map.of())) {
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(1);
            assertThat(run.transcript()).contains("restore: required, but " + bucket + " has no dump of postgres")
                    .doesNotContain("applying schema.sql in one transaction");
        }
    }

    private void bootWriteAndStop(Path profile, int rows) throws Exception {
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(READY, BOOT);
            execute("INSERT INTO app.rows (payload) SELECT 'row' FROM generate_series(1, " + rows + ")");
            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            assertThat(run.transcript()).contains("backups.db (on-stop): wrote");
        }
    }

    private List<Path> dumps() throws IOException {
        try (Stream<Path> files = Files.list(bucket)) {
            return files.filter(f -> f.getFileName().toString().matches("db-.*\\.dump")).sorted().toList();
        }
    }

    /** Flips the bits of one byte, at 1/{@code part} of the file. */
    private static void corrupt(Path file, int part) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / part] ^= 0x5a;
        Files.write(file, bytes);
    }

    private void deleteDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void stopOrphanedPostgres() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy();
            await().atMost(Duration.ofSeconds(30)).until(() -> !p.isAlive());
        });
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
