package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.fixtures.ReadDatabaseFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster run} through the jar: a one-off job with its dependencies up, then a clean stop and its exit code. */
class RunCommandIT {
    private static final Duration BOOT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void runsACommandThatReadsTheDatabaseAndExitsWithItsCodeAfterAStopOfPostgresql() throws Exception {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        int port = Fixtures.freePort();
        Path data = dir.resolve("pg");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: oneoff
                control: { listen: "127.0.0.1:0" }
                env:
                  PATH: %1$s:${PATH}
                  JDBC_URL: jdbc:postgresql://127.0.0.1:%3$d/postgres
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                services:
                %6$s
                  unrelated:
                    command: %4$s
                  backend:
                    depends_on: [postgres]
                    command: %4$s
                    env: { APP_ROLE: backend }
                    cwd: %5$s
                """.formatted(PostgresCluster.BIN, Fixtures.quote(data.toString()), port,
                sh("say-then-idle.sh", 0, "should not run"), Fixtures.quote(dir.toString()),
                PostgresServices.of(data, dir, port).yaml()));
        String job = "echo \"job in $(pwd)\"; exec \"$0\" \"$@\"";
        List<String> command = new java.util.ArrayList<>(List.of("run", "-p", profile.toString(), "--service", "backend",
                "--", "sh", "-c", job, Fixtures.javaBinary(), "-cp",
                classPath(), ReadDatabaseFixture.class.getName(), "3"));

        try (MusterRun run = MusterRun.start(Path.of("/"), Map.of(), command.toArray(String[]::new))) {
            int exit = run.awaitExit(BOOT);

            assertThat(exit).as(run.output("muster run exits with the command's code")).isEqualTo(3);
            assertThat(run.stdout()).as(run.output("the command's own output, on muster's stdout"))
                    .contains("job in " + dir, "read 1 rows from pg_database as backend");
            // The job's rows say PostgreSQL was ready before it ran and stopped only after: its output is on
            // stdout and muster's on stderr, two pipes whose lines this test cannot order against each other.
            assertThat(run.indexOf(line("postgres") + "ready in")).as(run.output()).isNotNegative();
            assertThat(run.indexOf("database system is shut down")).as(run.output("a clean shutdown after the job"))
                    .isNotNegative();
            assertThat(run.transcript()).as("neither backend itself nor the unrelated service is started")
                    .doesNotContain("should not run");
            assertThat(run.lines()).noneMatch(l -> l.text().matches("^(backend|unrelated) *\\|.*"));
            assertThat(run.stderr()).anyMatch(l -> l.endsWith("exited with code 3; every service stopped cleanly; exit 3"));
            long postgres = Fixtures.pidIn(run.awaitLine(line("postgres") + "started, pid", Duration.ZERO));
            assertThat(Fixtures.alive(postgres)).as("no process is left behind").isFalse();
        }
        assertThat(PostgresCluster.clusterState(data)).isEqualTo("shut down");
    }

    /** The test classes (the fixture) and the muster jar (pgjdbc). */
    private static String classPath() throws Exception {
        Path classes = Path.of(ReadDatabaseFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes + java.io.File.pathSeparator + MusterRun.jar();
    }

    @Test
    void aDependencyThatFailsToBootIsReportedAndTheCommandNeverRuns() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: oneoff-fails
                control: { listen: "127.0.0.1:0" }
                services:
                  db:
                    command: %s
                    ready: { log: "db accepting connections", timeout: 30s }
                  backend: { depends_on: [db], command: [/bin/true] }
                """.formatted(sh("say-then-exit.sh", 4, "db cannot start")));

        try (MusterRun run = MusterRun.start(dir, Map.of(), "run", "-p", profile.toString(), "--service", "backend",
                "--", "sh", "-c", "echo the command ran")) {
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(1);
            assertThat(run.stderr()).as(run.output()).anyMatch(l -> l.contains("db failed: exited with code 4"))
                    .anyMatch(l -> l.contains("> db cannot start"));
            assertThat(run.stdout()).as(run.output()).doesNotContain("the command ran");
        }
    }

    @Test
    void anUnknownServiceIsExitTwoWithTheServicesThereAre() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: oneoff-unknown
                services:
                  db: { command: [/bin/true] }
                  backend: { command: [/bin/true] }
                """);

        try (MusterRun run = MusterRun.start(dir, Map.of(), "run", "-p", profile.toString(), "--service", "frontend",
                "--", "true")) {
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(2);
            assertThat(run.stderr()).contains("muster: run --service: no service 'frontend' in " + profile
                    + "; name one of: db, backend");
        }
    }

    @Test
    void aSigtermGoesToTheCommandFirstAndMusterExitsWithTheCodeTheCommandChose() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: oneoff-signal
                control: { listen: "127.0.0.1:0" }
                services:
                  db: { command: %s }
                  backend: { depends_on: [db], command: [/bin/true] }
                """.formatted(sh("say-then-idle.sh", 0, "db up")));
        String job = "trap 'echo job got TERM; exit 7' TERM; echo job waiting; while :; do sleep 0.1; done";

        try (MusterRun run = MusterRun.start(dir, Map.of(), "run", "-p", profile.toString(), "--service", "backend",
                "--", "sh", "-c", job)) {
            run.awaitLine("^job waiting$", BOOT);
            run.signal("TERM");

            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(7);
            assertThat(run.indexOf("^job got TERM$")).as(run.output("the command hears of it before db is stopped"))
                    .isNotNegative().isLessThan(run.indexOf("stopping db"));
        }
    }
}
