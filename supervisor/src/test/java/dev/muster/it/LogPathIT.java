package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log path with real children: order of both streams in the report, and secrets hidden everywhere muster writes. */
class LogPathIT {
    private static final String INHERITED_TOKEN = "inherited-tok-7f3a9c";

    @TempDir
    Path dir;

    @RepeatedTest(20)
    void theFailureReportAlwaysEndsWithTheLastLineTheTaskWroteBeforeItDied() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: order
                control: { listen: "127.0.0.1:0", tail: 4 }
                services:
                  migrate:
                    kind: task
                    command: %s
                """.formatted(sh("interleave-then-fail.sh", 30)));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            assertThat(run.awaitExit(Duration.ofSeconds(30))).as(run.output()).isEqualTo(1);
            List<String> tail = run.stderr().stream().filter(l -> l.matches(line("muster") + " +> .*"))
                    .map(l -> l.replaceFirst(line("muster") + " +> ", "")).toList();
            assertThat(tail).as(run.output()).hasSize(4).last().isEqualTo("fatal: cannot migrate");
            assertThat(tail).as(run.output()).contains("warning: step 29 is slow");
        }
    }

    @Test
    void secretsAServicePrintsReachNeitherTheConsoleNorItsLogFileNorMusterLogs() throws Exception {
        Path logFile = dir.resolve("logs/app.log");
        Path secretFile = dir.resolve("secrets/app_secret");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: secrets
                control: { listen: "127.0.0.1:0", tail: 20 }
                secrets:
                  APP_SECRET: { file: %s, bytes: 16 }
                env:
                  DB_PASSWORD: hunter2-literal
                  DATABASE_URL: postgresql://app:url-pass-42@localhost:5432/app
                services:
                  app:
                    kind: task
                    command: %s
                    log: { file: %s }
                """.formatted(Fixtures.quote(secretFile.toString()),
                sh("print-secrets.sh", 1, "APP_SECRET", "DB_PASSWORD", "DATABASE_URL", "INHERITED_TOKEN"),
                Fixtures.quote(logFile.toString())));

        try (MusterRun run = MusterRun.up(profile, Map.of("INHERITED_TOKEN", INHERITED_TOKEN))) {
            assertThat(run.awaitExit(Duration.ofSeconds(30))).as(run.output()).isEqualTo(1);
            List<String> secrets = List.of(Files.readString(secretFile).strip(), "hunter2-literal", "url-pass-42",
                    INHERITED_TOKEN);
            assertThat(run.stdout()).as(run.output()).anyMatch(l -> l.matches(line("app") + "stdout DB_PASSWORD=\\*{6}"));
            assertThat(run.stderr()).as(run.output()).anyMatch(l -> l.contains("> stderr INHERITED_TOKEN=******"));
            assertThat(String.join("\n", run.stdout()) + String.join("\n", run.stderr())).as(run.output())
                    .doesNotContain(secrets);
            assertThat(Files.readString(logFile)).doesNotContain(secrets)
                    .contains("stdout APP_SECRET=******", "stderr DATABASE_URL=postgresql://app:******@localhost:5432/app");

            try (MusterRun logs = MusterRun.start(dir, Map.of(), "logs", "app", "-p", profile.toString())) {
                assertThat(logs.awaitExit(Duration.ofSeconds(30))).as(logs.output()).isZero();
                assertThat(logs.stdout()).as(logs.output()).hasSize(8).contains("stderr INHERITED_TOKEN=******");
                assertThat(String.join("\n", logs.stdout())).doesNotContain(secrets);
            }
        }
    }

    @Test
    void aHugeLineWithoutNewlineIsSplitSaidOnceAndTheServiceGoesOn() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: longline
                control: { listen: "127.0.0.1:0" }
                services:
                  chatty:
                    command: %s
                """.formatted(sh("long-line.sh", 50_000_000)));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("chatty") + "after the long line$", Duration.ofSeconds(60));
            assertThat(run.isAlive()).as(run.output()).isTrue();
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(20))).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output())
                    .filteredOn(l -> l.contains("a line longer than 64 KiB was split")).hasSize(1);
            assertThat(run.stdout()).filteredOn(l -> l.matches(line("chatty") + "x+$"))
                    .allMatch(l -> l.replaceFirst(line("chatty"), "").length() <= 64 * 1024);
        }
    }
}
