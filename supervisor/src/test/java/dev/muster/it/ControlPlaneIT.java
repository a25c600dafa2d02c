package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.quote;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.control.PrometheusText;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane of a real {@code muster up}: /health tells the truth, /status and /metrics are
 * well-formed and keep secrets, the token guards a non-loopback listen, and the client commands
 * (status, logs, down) work against the running supervisor and, once it is gone, its boot record.
 */
class ControlPlaneIT {
    static final String PASSWORD = "pa55-w0rd-never-shown";
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void healthStatusMetricsAndClientCommandsTellTheTruth() throws Exception {
        Path gate = dir.resolve("gate.open");
        Path profile = gatedProfile(dir, gate, "127.0.0.1:0", "");

        try (MusterRun up = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(up);
            up.awaitLine(line("gate") + "started, pid", BOOT);

            HttpResponse<String> booting = control.get("/health");
            assertThat(booting.statusCode()).as(up.output("/health while gate is not ready: " + booting.body())).isEqualTo(503);
            assertThat(JSON.readTree(booting.body()).path("services").path("gate").asText()).isEqualTo("starting");

            Files.createFile(gate);
            await().atMost(BOOT).untilAsserted(() -> assertThat(control.status("/health")).as(up.output()).isEqualTo(200));
            assertThat(control.status("/health?service=gate")).isEqualTo(200);

            HttpResponse<String> status = control.get("/status");
            JsonNode document = JSON.readTree(status.body());
            assertThat(document.path("stack").asText()).isEqualTo("ctl");
            assertThat(document.path("services")).extracting(s -> s.path("name").asText()).containsExactly("gate", "app");
            assertThat(document.path("services").get(0).path("timeToReadyMs").asLong()).isPositive();
            assertThat(document.path("phases")).extracting(p -> p.path("name").asText())
                    .containsSubsequence("preflight", "prepare", "boot", "all ready");
            String metrics = control.get("/metrics").body();
            assertThat(PrometheusText.parse(metrics)).anyMatch(s -> s.name().equals("muster_boot_duration_seconds") && s.value() > 0)
                    .contains(new PrometheusText.Sample("muster_stack_ready", Map.of(), 1));
            String logs = control.get("/logs/gate?tail=10").body();
            assertThat(logs).contains("gate says password ******");
            for (String body : List.of(status.body(), metrics, logs, control.get("/").body())) {
                assertThat(body).doesNotContain(PASSWORD);
            }

            MusterRun status0 = client(profile, "status", "-p", profile.toString());
            assertThat(status0.awaitExit(BOOT)).as(status0.output()).isZero();
            assertThat(status0.stdout()).as(status0.output()).anyMatch(l -> l.startsWith("ctl: ready"))
                    .anyMatch(l -> l.matches("gate +service +ready +\\d+ .*"));
            MusterRun chain = client(profile, "status", "--timeline", "-p", profile.toString());
            assertThat(chain.awaitExit(BOOT)).as(chain.output()).isZero();
            assertThat(chain.stdout()).as(chain.output()).anyMatch(l -> l.startsWith("critical chain"))
                    .anyMatch(l -> l.matches("app +start \\+.* ready \\+.*")).anyMatch(l -> l.startsWith("└─gate"));
            MusterRun tail = client(profile, "logs", "gate", "--tail", "1", "-p", profile.toString());
            assertThat(tail.awaitExit(BOOT)).as(tail.output()).isZero();
            assertThat(tail.stdout()).as(tail.output()).containsExactly("gate says password ******");

            MusterRun down = client(profile, "down", "-p", profile.toString());
            assertThat(down.awaitExit(BOOT)).as(down.output()).isZero();
            assertThat(down.stdout()).as(down.output())
                    .contains("muster stopped: stopped cleanly after SIGTERM (muster down) (exit 143)");
            assertThat(up.awaitExit(Duration.ofSeconds(5))).as(up.output("muster is gone once down returns")).isEqualTo(143);
        }

        MusterRun after = client(profile, "status", "-p", profile.toString());
        assertThat(after.awaitExit(BOOT)).as(after.output()).isEqualTo(3);
        assertThat(after.stdout()).as(after.output())
                .anyMatch(l -> l.startsWith("ctl is not running: no supervisor answers at http://127.0.0.1:"))
                .anyMatch(l -> l.matches("last boot: muster pid \\d+, started .*, ended .*: stopped cleanly after SIGTERM"
                        + " \\(muster down\\) \\(exit 143\\)"))
                .anyMatch(l -> l.matches("gate +service +stopped .*"));
        assertThat(Files.readString(dir.resolve("run/boot.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void refusesANonLoopbackListenWithoutAToken() {
        Path profile = gatedProfile(dir, dir.resolve("gate"), "0.0.0.0:0", "");

        try (MusterRun up = MusterRun.up(profile, Map.of())) {
            assertThat(up.awaitExit(BOOT)).as(up.output()).isEqualTo(3);
            assertThat(up.stderr()).as(up.output()).anyMatch(l -> l.contains("control.listen: 0.0.0.0:0 is not a loopback"
                    + " address, so the control plane needs a bearer token"));
        }
    }

    @Test
    void nonLoopbackListenNeedsTheTokenForEverythingButHealth() throws IOException {
        Path gate = Files.createFile(dir.resolve("gate.open"));
        Path profile = gatedProfile(dir, gate, "0.0.0.0:0", "  token_env: CTL_TOKEN\n");
        Map<String, String> env = Map.of("CTL_TOKEN", "tkn-" + PASSWORD.hashCode());

        try (MusterRun up = MusterRun.up(profile, env)) {
            ControlHttp control = ControlHttp.of(up).onLoopback();
            up.awaitLine(line("muster") + "all required services ready", BOOT);

            assertThat(control.status("/health")).isEqualTo(200);
            assertThat(control.get("/status").statusCode()).isEqualTo(401);
            assertThat(control.get("/metrics", "not-the-token").statusCode()).isEqualTo(401);
            assertThat(control.get("/logs/gate").statusCode()).isEqualTo(401);
            assertThat(control.get("/status", env.get("CTL_TOKEN")).statusCode()).isEqualTo(200);
            MusterRun status = MusterRun.start(dir, Map.of(), "status", "-p", profile.toString());
            assertThat(status.awaitExit(BOOT)).as(status.output("without the token")).isEqualTo(1);
            assertThat(status.stderr()).as(status.output()).anyMatch(l -> l.contains("(401)"));
            MusterRun withToken = MusterRun.start(dir, env, "status", "-p", profile.toString());
            assertThat(withToken.awaitExit(BOOT)).as(withToken.output("with the token")).isZero();
        }
    }

    @Test
    void healthIs503WhileARequiredServiceRestarts() throws Exception {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: restarts
                services:
                  api:
                    command: %s
                    ready: { log: { pattern: "api up" } }
                    restart: { policy: on-failure, max: 5, backoff: { initial: 2s, max: 2s } }
                control: { listen: "127.0.0.1:0", run_dir: %s }
                """.formatted(sh("say-then-idle.sh", "0.2", "api up"), quote(dir.resolve("run").toString())));

        try (MusterRun up = MusterRun.up(profile, Map.of())) {
            ControlHttp control = ControlHttp.of(up);
            await().atMost(BOOT).untilAsserted(() -> assertThat(control.status("/health")).isEqualTo(200));
            long pid = JSON.readTree(control.get("/status").body()).path("services").get(0).path("pid").asLong();

            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

            await().atMost(BOOT).untilAsserted(() -> {
                HttpResponse<String> health = control.get("/health");
                assertThat(health.statusCode()).as(up.output()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"restarting\"");
            });
            await().atMost(BOOT).untilAsserted(() -> assertThat(control.status("/health")).as(up.output()).isEqualTo(200));
            assertThat(JSON.readTree(control.get("/status").body()).path("services").get(0).path("restarts").asInt())
                    .isEqualTo(1);
        }
    }

    /** A profile whose {@code gate} is ready once {@code gate} exists, with secrets in env and output. */
    static Path gatedProfile(Path dir, Path gateFile, String listen, String controlExtra) {
        return Fixtures.profile(dir, """
                version: 1
                name: ctl
                env:
                  DB_PASSWORD: %s
                  DATABASE_URL: postgresql://app:%s@127.0.0.1:5432/app
                services:
                  gate:
                    command: %s
                    ready: { exec: [test, -f, %s], interval: 100ms, timeout: 60s }
                  app:
                    depends_on: [gate]
                    command: %s
                control:
                  listen: %s
                  run_dir: %s
                %s""".formatted(PASSWORD, PASSWORD, sh("say-then-idle.sh", "0", "gate says password " + PASSWORD),
                quote(gateFile.toString()), sh("say-then-idle.sh", "0", "app up"), quote(listen),
                quote(dir.resolve("run").toString()), controlExtra));
    }

    private MusterRun client(Path profile, String... args) {
        return MusterRun.start(profile.getParent(), Map.of(), args);
    }
}
