package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depends_on: {X: {condition: ready, restart: true}}} against real processes. */
class RestartWithDependencyIT {
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void restartsOnlyTheDependentsThatAskedForItOnceTheDependencyIsReadyAgain() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: follow
                services:
                  db:
                    command: %s
                    ready: { log: "db up", timeout: 20s }
                    restart: { policy: on-failure, backoff: { initial: 100ms, max: 1s } }
                  app:
                    depends_on: { db: { condition: ready, restart: true } }
                    command: %s
                    ready: { log: "app up", timeout: 20s }
                  report:
                    depends_on: [db]
                    command: %s
                    ready: { log: "report up", timeout: 20s }
                """.formatted(sh("say-then-idle.sh", "0.2", "db up"), sh("say-then-idle.sh", "0.2", "app up"),
                sh("say-then-idle.sh", "0.2", "report up")));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            long db = Fixtures.pidIn(run.awaitLine(line("db") + "started, pid \\d+", Duration.ZERO));
            long app = Fixtures.pidIn(run.awaitLine(line("app") + "started, pid \\d+", Duration.ZERO));
            long report = Fixtures.pidIn(run.awaitLine(line("report") + "started, pid \\d+", Duration.ZERO));

            ProcessHandle.of(db).orElseThrow().destroyForcibly();

            MusterRun.Line dbReady = run.awaitLines(line("db") + "ready in", 2, BOOT).get(1);
            run.awaitStderr(line("muster") + "restarting app because db restarted", BOOT);
            MusterRun.Line appAgain = run.awaitLines(line("app") + "started, pid \\d+", 2, BOOT).get(1);
            run.awaitLines(line("app") + "ready in", 2, BOOT);

            // Both on stdout, so in muster's order (the stderr line above comes through another pipe and reader).
            assertThat(run.indexOf(line("muster") + "stopping app: ")).as(run.output("app follows only once db is ready again"))
                    .isGreaterThan(run.lines().indexOf(dbReady));
            assertThat(Fixtures.pidIn(appAgain)).as(run.output()).isNotEqualTo(app);
            assertThat(Fixtures.alive(app)).as(run.output("the old app was stopped")).isFalse();
            assertThat(Fixtures.alive(report)).as(run.output("report did not ask to follow db")).isTrue();
            assertThat(run.stdout()).as(run.output("report was started once"))
                    .filteredOn(l -> l.matches(line("report") + "started.*")).hasSize(1);

            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
        }
    }
}
