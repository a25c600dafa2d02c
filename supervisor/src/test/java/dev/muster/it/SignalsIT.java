package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 14: every signal a platform or tini may send muster. Through the entrypoint shim (which
 * moves HotSpot's suspend signal off SIGUSR2), with a real PostgreSQL: the signals muster ignores
 * leave the stack running, SIGQUIT is the JVM's thread dump, and the stop signals end in a clean
 * PostgreSQL shutdown and exit 128+N.
 */
class SignalsIT {
    static final List<String> IGNORED = List.of("USR1", "USR2", "ALRM", "PWR", "XCPU", "VTALRM", "PROF", "IO",
            "STKFLT", "XFSZ");
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        PostgresCluster.openForPostgres(dir);
    }

    @Test
    void staysUpThroughEverySignalItIgnoresThenStopsPostgresCleanlyOnSigterm() {
        try (MusterRun run = MusterRun.upThroughEntrypoint(postgresProfile(dir, Fixtures.freePort()), Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            for (String signal : IGNORED) {
                run.signal(signal);
                run.awaitLine(line("muster") + "received SIG" + signal + ": ignored", Duration.ofSeconds(10));
            }
            run.signal("QUIT");
            run.awaitLine("^Full thread dump", Duration.ofSeconds(10));
            assertThat(run.isAlive()).as(run.output("muster still runs after every ignored signal")).isTrue();
            assertThat(run.indexOf(line("muster") + "stopping ")).as(run.output("nothing was stopped")).isEqualTo(-1);

            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
            assertCleanShutdown(run, dir);
        }
    }

    @Test
    void stopsCleanlyOnSighupWithExit129() {
        try (MusterRun run = MusterRun.upThroughEntrypoint(postgresProfile(dir, Fixtures.freePort()), Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            run.signal("HUP");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(129);
            assertThat(run.stdout()).as(run.output()).last().asString()
                    .matches(line("muster") + "stopped cleanly after SIGHUP; exit 129");
            assertCleanShutdown(run, dir);
        }
    }

    /** PostgreSQL said it shut down, and no postmaster is left on the data directory. */
    static void assertCleanShutdown(MusterRun run, Path dir) {
        assertThat(run.indexOf(line("postgres") + ".*database system is shut down"))
                .as(run.output("PostgreSQL shut down cleanly")).isNotEqualTo(-1);
        assertThat(Files.exists(dir.resolve("pg/postmaster.pid"))).as(run.output("no postmaster.pid left")).isFalse();
    }

    /** initdb (skipped once done), PostgreSQL on {@code port} stopped with SIGINT, and an app. */
    static Path postgresProfile(Path dir, int port) {
        return postgresProfile(dir, port, "");
    }

    /** Like {@link #postgresProfile(Path, int)}, with more arguments for postgres ({@code ", -c, x=y"}). */
    static Path postgresProfile(Path dir, int port, String moreArgs) {
        Path data = dir.resolve("pg");
        return Fixtures.profile(dir, """
                version: 1
                name: signals
                control: { listen: "127.0.0.1:0" }
                env:
                  PATH: %1$s:${PATH}
                directories:
                  - { path: %2$s, owner: postgres, mode: "0700" }
                services:
                %4$s
                  app:
                    depends_on: [postgres]
                    command: %3$s
                    ready: { log: "app up" }
                """.formatted(PostgresCluster.BIN, Fixtures.quote(data.toString()), sh("say-then-idle.sh", 0, "app up"),
                PostgresServices.of(data, dir, port).stoppedBy("{ signal: INT, timeout: 30s }").withArguments(moreArgs).yaml()));
    }
}
