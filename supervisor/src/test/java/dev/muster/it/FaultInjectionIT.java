package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real stack (PostgreSQL run by muster, its schema guard, two restartable services):
 * SIGKILL each service in turn and SIGTERM muster at several moments of a boot. Every time: the
 * documented exit code, /health back to 200 once a restarted service is ready, no process left
 * behind, and PostgreSQL shut down cleanly.
 */
class FaultInjectionIT {
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final String NOT_CLEAN = "database system was not properly shut down";
    private static final List<String> RESTARTABLE = List.of("app", "worker");

    @TempDir
    Path dir;
    int port;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
        port = Fixtures.freePort();
    }

    @Test
    void sigkillOfEachServiceRestartsItHealthReturnsTo200AndSigtermStillShutsDownCleanly() throws Exception {
        try (MusterRun run = MusterRun.up(profile(), Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            ControlHttp http = ControlHttp.of(run);
            assertThat(http.status("/health")).isEqualTo(200);
            List<Long> pids = new ArrayList<>(List.of(pidOf(run, "postgres", 1)));
            for (String service : RESTARTABLE) {
                long pid = pidOf(run, service, 1);
                pids.add(pid);
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();

                pids.add(pidOf(run, service, 2));
                await().atMost(BOOT).untilAsserted(() -> assertThat(http.status("/health"))
                        .as(run.output(service + " was restarted and is ready: /health is 200 again")).isEqualTo(200));
                assertThat(http.get("/status").body()).contains("\"restarts\" : 1");
            }

            run.signal("TERM");

            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).last().asString().matches(line("muster") + "stopped cleanly after SIGTERM; exit 143");
            assertCleanEnd(run, pids);
        }
    }

    @Test
    void sigtermAtEveryMomentOfABootExits143AndLeavesPostgresShutDown() throws Exception {
        List<String> moments = List.of(line("postgres") + "started, pid", line("schema") + ".*",
                line("app") + "started, pid", line("worker") + "started, pid", line("muster") + "all required services ready in");
        for (String moment : moments) {
            try (MusterRun run = MusterRun.up(profile(), Map.of())) {
                run.awaitLine(moment, BOOT);
                run.signal("TERM");

                assertThat(run.awaitExit(BOOT)).as(run.output("SIGTERM at " + moment)).isEqualTo(143);
                List<Long> pids = run.stdout().stream().filter(l -> l.contains("started, pid"))
                        .map(l -> Long.parseLong(l.replaceAll(".*started, pid (\\d+).*", "$1"))).toList();
                assertCleanEnd(run, pids);
            }
        }
    }

    private void assertCleanEnd(MusterRun run, List<Long> pids) {
        assertThat(pids).as(run.output("no process is left behind")).noneMatch(Fixtures::alive);
        assertThat(run.transcript()).doesNotContain(NOT_CLEAN);
        if (run.transcript().contains("database system is ready to accept connections")) {
            assertThat(run.transcript()).as(run.output()).contains("database system is shut down");
        }
        assertThat(PostgresCluster.clusterState(dir.resolve("pg"))).as(run.output()).isEqualTo("shut down");
    }

    private static long pidOf(MusterRun run, String service, int launch) {
        return Fixtures.pidIn(run.awaitLines(line(service) + "started, pid \\d+.*", launch, BOOT).get(launch - 1));
    }

    private Path profile() throws IOException {
        Path data = dir.resolve("pg");
        Path bootstrap = Files.writeString(dir.resolve("schema.sql"), "CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\n");
        return Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }
                name: faults
                env:
                  PATH: %1$s:${PATH}
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                services:
                %7$s
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
                    restart: { policy: on-failure, backoff: { initial: 100ms } }
                  worker:
                    depends_on: [app]
                    command: %6$s
                    ready: { log: "worker up" }
                    restart: { policy: on-failure, backoff: { initial: 100ms } }
                """.formatted(PostgresCluster.BIN, Fixtures.quote(data.toString()), port, Fixtures.quote(bootstrap.toString()),
                sh("say-then-idle.sh", 0, "app up"), sh("say-then-idle.sh", 0, "worker up"),
                PostgresServices.of(data, dir, port).yaml()));
    }
}
