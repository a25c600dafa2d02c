package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.logs.Console;
import dev.muster.logs.ServiceLog;
import dev.muster.process.OutputListener;
import dev.muster.process.Signal;
import dev.muster.profile.Kind;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import dev.muster.secret.SecretStore;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control plane in-process, over real HTTP, against a {@link StackStatus} the test drives. */
class ControlPlaneTest {
    private static final String SECRET = "s3cr3t-hunter2";

    @TempDir
    Path dir;

    private final StackStatus status = new StackStatus();
    private final List<Signal> downs = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), false, 8);
    private final ServiceLog dbLog = new ServiceLog("db", console, null, dev.muster.secret.Redactor.none(), java.time.Clock.systemUTC());
    private ControlPlane plane;
    private Profile profile;

    @AfterEach
    void stop() {
        if (plane != null) {
            plane.finish(new dev.muster.status.StackEnding.Signalled(Signal.TERM, false, List.of()));
        }
    }

    @Test
    void healthIsReadyOnlyWhileEveryRequiredServiceIsReady() throws Exception {
        start("");

        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"booting\"", "\"db\":\"waiting\"");
        });
        ready("db");
        assertThat(get("/health", null).statusCode()).isEqualTo(503);
        ready("app");
        status.update("web", s -> s.with(ServiceState.FAILED, "exited with code 1"));
        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).as("an optional service never makes the stack unhealthy").isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"ready\"", "\"web\":\"degraded\"");
        });
        assertThat(get("/health?service=web", null).statusCode()).isEqualTo(503);
        assertThat(get("/health?service=db", null).statusCode()).isEqualTo(200);
        assertThat(get("/health?service=nope", null).statusCode()).isEqualTo(404);

        status.update("db", s -> new ServiceStatus(s.name(), s.kind(), true, ServiceState.STARTING, 0, s.startedAt(), null,
                s.address(), 1, "restarting after exit code 1"));
        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"restarting\"");
        });
    }

    @Test
    void statusAndLogsNeverShowASecret() throws Exception {
        start("");
        status.update("db", s -> s.with(ServiceState.FAILED, "postgresql://app:" + SECRET + "@db/app refused"));
        dbLog.line(OutputListener.Stream.STDOUT, "connecting with password " + SECRET);

        HttpResponse<String> document = get("/status", null);
        HttpResponse<String> logs = get("/logs/db?tail=5", null);

        assertThat(document.statusCode()).isEqualTo(200);
        StatusDocument parsed = new Json().read(document.body(), StatusDocument.class);
        assertThat(parsed.stack()).isEqualTo("unit");
        assertThat(parsed.services()).extracting(ServiceReport::name).containsExactly("db", "app", "web");
        assertThat(parsed.services().get(0).detail()).isEqualTo("postgresql://app:******@db/app refused");
        assertThat(parsed.services().get(1).dependsOn()).containsExactly("db");
        assertThat(parsed.phase("boot")).isPresent();
        assertThat(document.body()).doesNotContain(SECRET);
        assertThat(logs.body()).isEqualTo("connecting with password ******\n");
        assertThat(get("/logs/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreStrictPrometheusText() throws Exception {
        start("");
        status.probeFailed("db", "ready");
        status.probeFailed("db", "ready");
        ready("db");

        HttpResponse<String> response = get("/metrics", null);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        List<PrometheusText.Sample> samples = PrometheusText.parse(response.body());
        assertThat(samples).contains(
                new PrometheusText.Sample("muster_service_ready", Map.of("service", "db"), 1),
                new PrometheusText.Sample("muster_service_ready", Map.of("service", "app"), 0),
                new PrometheusText.Sample("muster_service_restarts_total", Map.of("service", "db"), 0),
                new PrometheusText.Sample("muster_service_probe_failures_total", Map.of("service", "db", "probe", "ready"), 2),
                new PrometheusText.Sample("muster_service_probe_failures_total", Map.of("service", "db", "probe", "live"), 0),
                new PrometheusText.Sample("muster_stack_ready", Map.of(), 0),
                new PrometheusText.Sample("muster_service_state", Map.of("service", "db", "state", "ready"), 1));
        assertThat(samples).anyMatch(s -> s.name().equals("muster_service_time_to_ready_seconds") && s.value() >= 0);
        assertThat(samples).noneMatch(s -> s.name().equals("muster_boot_duration_seconds"));
    }

    @Test
    void tokenGuardsEverythingButHealth() throws Exception {
        start("  token_env: UNIT_TOKEN\n");

        assertThat(get("/health", null).statusCode()).isEqualTo(503);
        assertThat(get("/status", null).statusCode()).isEqualTo(401);
        assertThat(get("/status", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/", null).statusCode()).isEqualTo(401);
        assertThat(get("/status", "tok-123456").statusCode()).isEqualTo(200);
        HttpResponse<String> login = get("/?token=tok-123456", null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith("muster_token=tok-123456;").contains("HttpOnly"));
        HttpResponse<String> page = http.send(request("/").header("Cookie", "muster_token=tok-123456").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"services\">", "new EventSource('events')");
    }

    @Test
    void eventsCarryEveryStateChangeAsItHappens() throws Exception {
        start("");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = http.send(request("/events").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event: snapshot"));

        ready("db");
        dbLog.line(OutputListener.Stream.STDOUT, "database system is ready");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines)
                .anyMatch(l -> l.startsWith("data: {\"name\":\"db\"") && l.contains("\"state\":\"READY\""))
                .anyMatch(l -> l.equals("data: {\"service\":\"db\",\"line\":\"database system is ready\"}")
                        || l.equals("data: {\"line\":\"database system is ready\",\"service\":\"db\"}")));
        plane.finish(new dev.muster.status.StackEnding.Signalled(Signal.TERM, false, List.of()));
        plane = null;
        reader.join(5000);
        assertThat(reader.isAlive()).as("the stream ends when muster finishes").isFalse();
        assertThat(lines).contains("event: end");
    }

    @Test
    void downAsksForATermAndRefusesOtherSites() throws Exception {
        start("");

        HttpResponse<String> foreign = http.send(request("/down").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(downs).isEmpty();
        assertThat(get("/down", null).statusCode()).isEqualTo(405);

        HttpResponse<String> down = http.send(request("/down").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(down.statusCode()).isEqualTo(202);
        assertThat(downs).containsExactly(Signal.TERM);
        assertThat(get("/health", null).body()).contains("\"status\":\"stopping\"");
    }

    @Test
    void mustersOwnPathsAreAlsoUnderMusterWithoutAnApp() throws Exception {
        start("");
        ready("db");

        assertThat(get("/_muster/status", null).statusCode()).isEqualTo(200);
        assertThat(get("/_muster/logs/db?tail=1", null).statusCode()).isEqualTo(200);
        assertThat(get("/_muster/", null).body()).contains("<html");
        assertThat(get("/_muster", null).statusCode()).isEqualTo(308);
    }

    @Test
    void withAnAppEveryOtherPathIsTheBootPageUntilTheStackIsReadyThenTheApp() throws Exception {
        com.sun.net.httpserver.HttpServer app = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = ("app saw " + exchange.getRequestURI() + " for " + exchange.getRequestHeaders().getFirst("Host")
                    + " cookie " + exchange.getRequestHeaders().getFirst("Cookie"))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        try {
            start("  app: http://127.0.0.1:" + app.getAddress().getPort() + "\n");
            HttpResponse<String> booting = get("/status", null);
            assertThat(booting.statusCode()).as("the app's /status, not muster's, while booting").isEqualTo(503);
            assertThat(booting.headers().firstValue("Retry-After")).contains("2");
            assertThat(booting.body()).isEqualTo("{\"status\":\"booting\",\"detail\":\"waiting for db, app, web\"}\n");
            assertThat(get("/_muster/boot", null).body()).contains("\"status\":\"booting\"");

            ready("db");
            ready("app");

            HttpResponse<String> proxied = http.send(request("/status?x=1").header("Cookie", "a=1; muster_token=tok; b=2")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proxied.body()).as("muster's token cookie never reaches the app")
                    .isEqualTo("app saw /status?x=1 for " + URI.create(plane.url()).getAuthority() + " cookie a=1; b=2");
            assertThat(get("/health", null).statusCode()).isEqualTo(200);
            assertThat(get("/_muster/status", null).body()).contains("\"stack\" : \"unit\"");
        } finally {
            plane.finish(new dev.muster.status.StackEnding.Signalled(Signal.TERM, false, List.of()));
            plane = null;
            app.stop(0);
        }
    }

    @Test
    void keepsTheBootRecordCurrentAndRecordsTheEnd() throws Exception {
        start("");
        Path record = dir.resolve("run/boot.json");
        ready("db");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(record).exists()
                .content().contains("\"state\" : \"READY\""));
        plane.finish(new dev.muster.status.StackEnding.Signalled(Signal.TERM, false, List.of()));
        plane = null;

        StatusDocument recorded = new Json().read(Files.readString(record), StatusDocument.class);
        assertThat(recorded.ended()).isNotNull();
        assertThat(recorded.ended().exitCode()).isEqualTo(143);
        assertThat(recorded.ended().how()).isEqualTo("stopped cleanly after SIGTERM");
        assertThat(recorded.health()).isEqualTo("stopped");
        assertThat(recorded.phases()).extracting(StatusDocument.Phase::name).contains("boot", "stopped");
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertThat(files).as("no temporary file is left behind").containsExactly(record);
        }
    }

    @Test
    void healthIsReadyAgainOnceARestartedRequiredServiceIsReady() throws Exception {
        start("");
        ready("db");
        ready("app");
        ready("web");
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
        Instant bootReady = status.get("app").readyAt();

        status.update("app", s -> s.with(ServiceState.STOPPING, "sent SIGTERM"));
        status.update("app", s -> s.with(ServiceState.STOPPED, "ended by SIGTERM as asked"));
        status.update("app", s -> s.restarting("restarting in 1.00s after: failed its liveness check"));
        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"restarting\"");
        });
        ready("app");

        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).as("a restarted service that is ready again makes the stack healthy").isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"ready\"");
        });
        assertThat(get("/metrics", null).body()).contains("muster_stack_ready 1.0");
        assertThat(get("/status", null).body()).contains("\"health\" : \"ready\"")
                .as("the boot's ready time, for the critical chain").contains("\"bootReadyAt\" : \"" + bootReady + "\"");
    }

    @Test
    void healthSaysStoppingOnceTheStackStopsEvenBeforeAServiceIsStopped() throws Exception {
        start("");
        ready("db");
        ready("app");
        status.stopping();

        assertThat(get("/health", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"stopping\"");
        });
    }

    private void start(String controlExtra) throws IOException {
        Path file = Files.writeString(dir.resolve("unit.yaml"), """
                version: 1
                name: unit
                env:
                  DB_PASSWORD: %s
                services:
                  db: { command: [db] }
                  app: { command: [app], depends_on: [db] }
                  web: { command: [web], depends_on: [app], required: false }
                control:
                  listen: 127.0.0.1:0
                  run_dir: %s
                %s""".formatted(SECRET, dir.resolve("run"), controlExtra));
        profile = new ProfileLoader(Map.of(), SecretStore.readOnly()).load(List.of(file)).profile();
        for (String name : profile.services().keySet()) {
            status.put(new ServiceStatus(name, Kind.SERVICE, profile.services().get(name).required(), ServiceState.WAITING,
                    0, null, null, "-", 0, ""));
        }
        plane = ControlPlane.start(profile, status, name -> name.equals("db") ? Optional.of(dbLog) : Optional.empty(),
                downs::add, Map.of("UNIT_TOKEN", "tok-123456"), Clock.systemUTC(), line -> { }, line -> { });
        plane.phase("boot", Instant.now());
    }

    private void ready(String name) {
        Instant now = Instant.now();
        status.update(name, s -> s.started(4242, now.minusMillis(120)).ready(ServiceState.READY, now, "HTTP 200"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(plane.url() + path)).timeout(Duration.ofSeconds(5));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder builder = request(path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
