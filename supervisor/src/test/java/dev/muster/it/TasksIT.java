package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks with real processes: {@code creates} decides whether they run; a failing task fails the boot. */
class TasksIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void skipsTaskWhoseCreatesPathExists() throws IOException {
        Path marker = Files.createFile(dir.resolve("PG_VERSION"));
        Path ran = dir.resolve("init.ran");

        try (MusterRun run = MusterRun.up(profileWithTask(0, marker, ran), Map.of())) {
            run.awaitLine(line("app") + "ready in", BOOT);

            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.matches(line("init") + "skipped: " + Pattern.quote(marker.toString())
                            + " exists$"))
                    .noneMatch(l -> l.matches(line("init") + "started.*"));
            assertThat(ran).as(run.output()).doesNotExist();
            assertThat(run.indexOf(line("app") + "ready in")).as(run.output()).isGreaterThan(0);
        }
    }

    @Test
    void runsTaskWhoseCreatesPathIsMissingBeforeItsDependents() {
        Path marker = dir.resolve("PG_VERSION");
        Path ran = dir.resolve("init.ran");

        try (MusterRun run = MusterRun.up(profileWithTask(0, marker, ran), Map.of())) {
            run.awaitLine(line("app") + "ready in", BOOT);

            assertThat(ran).as(run.output()).hasContent("task ran");
            int completed = run.indexOf(line("init") + "completed in");
            assertThat(completed).as(run.output()).isGreaterThan(run.indexOf(line("init") + "started, pid \\d+"));
            assertThat(run.indexOf(line("app") + "started, pid \\d+")).as(run.output()).isGreaterThan(completed);
        }
    }

    @Test
    void failsBootWithExitOneWhenTaskFails() {
        Path ran = dir.resolve("init.ran");

        try (MusterRun run = MusterRun.up(profileWithTask(2, dir.resolve("PG_VERSION"), ran), Map.of())) {
            int exit = run.awaitExit(BOOT);

            assertThat(exit).as(run.output()).isEqualTo(1);
            assertThat(ran).as(run.output()).hasContent("task ran");
            assertThat(run.stderr()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + "FAILED init failed: task exited with code 2.*"))
                    .anyMatch(l -> l.matches(line("muster") + " +waiting on it: app$"))
                    .anyMatch(l -> l.matches(line("muster")
                            + " +> migration failed: relation \"users\" already exists$"));
            assertThat(run.stdout()).as(run.output()).noneMatch(l -> l.matches(line("app") + "started.*"));
        }
    }

    private Path profileWithTask(int exitCode, Path creates, Path ran) {
        return Fixtures.profile(dir, """
                version: 1
                name: tasks
                services:
                  init:
                    kind: task
                    creates: %s
                    command: %s
                  app:
                    depends_on: [init]
                    command: %s
                """.formatted(Fixtures.quote(creates.toString()), sh("task.sh", exitCode, ran),
                sh("say-then-idle.sh", "0", "app up")));
    }
}
