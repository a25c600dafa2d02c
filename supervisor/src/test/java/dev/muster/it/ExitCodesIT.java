package dev.muster.it;

import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes of {@code up} before anything starts: 2 for an invalid profile, 3 for a failed preflight. */
class ExitCodesIT {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void exitsTwoAndPointsAtFileLineAndPathWhenProfileIsInvalid() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: broken
                services:
                  web:
                    command: run the web server
                """);

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            int exit = run.awaitExit(QUICK);

            assertThat(exit).as(run.output()).isEqualTo(2);
            assertThat(String.join("\n", run.stderr())).as(run.output())
                    .startsWith("muster: ")
                    .contains(profile + ":5: services.web.command: ");
            assertThat(run.stdout()).as(run.output()).noneMatch(l -> l.contains("started, pid"));
        }
    }

    @Test
    void exitsThreeNamingServiceCommandAndPathWhenProgramIsNotInstalled() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: railway
                services:
                  helper:
                    command: %s
                  deploy:
                    command: [railway, up, --detach]
                """.formatted(sh("say-then-idle.sh", "0", "helper up")));

        try (MusterRun run = MusterRun.up(profile, Map.of("PATH", "/usr/bin:/bin"))) {
            int exit = run.awaitExit(QUICK);

            assertThat(exit).as(run.output()).isEqualTo(3);
            assertThat(String.join("\n", run.stderr())).as(run.output())
                    .startsWith("muster: ")
                    .contains("services.deploy.command")
                    .contains("\"railway\"")
                    .contains("/usr/bin:/bin");
            assertThat(run.stdout()).as(run.output("nothing is started when preflight fails"))
                    .noneMatch(l -> l.contains("started, pid"));
        }
    }
}
