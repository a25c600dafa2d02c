package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The image of the repository's Dockerfile, built once for the class from the jar under test and
 * {@code $BASE_IMAGE} (default {@code local/debian:bookworm}, made by {@code scripts/base-image}):
 * the demo stack healthy as root and as uid 1000, signals through tini, a Space-like container (no
 * data volume, a bind-mounted bucket) keeping its rows across new containers, and port 7860 showing
 * the boot page, then the app. One class (over 300 lines) so that every test shares one image build.
 * Skips where no Docker engine answers; {@code .ci/run} starts one, so in CI it runs.
 */
class ImageIT {
    private static final int CONTROL = 7860;
    private static final int FRONTEND = 53000;
    private static final String TOKEN = "image-it-token";
    private static final Map<String, String> ENV = Map.of("NO_COLOR", "1", "MUSTER_TOKEN", TOKEN);
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final String HTML = "text/html,application/xhtml+xml";
    /** The image's profile: PostgreSQL on 55432, its socket in the local-disk state directory, local connections trusted. */
    private static final String PSQL = "postgresql:///postgres?host=/tmp/muster-demo/run&port=55432&user=postgres";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ImageContainers images;

    @TempDir
    Path scratch;
    @TempDir
    Path browserProfile;

    @BeforeAll
    static void buildTheImage() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine answers; start one with scripts/docker-up (.ci/run does)");
        Path jar = Path.of(System.getProperty("muster.jar", "target/muster.jar"));
        assertThat(jar).as("the jar under test; run mvn verify, not the IT alone").exists();
        String base = ImageContainers.baseImage();
        assertThat(DockerClientFactory.instance().client().listImagesCmd().withImageNameFilter(base).exec())
                .as("base image %s is missing (no registry here): build it with scripts/base-image", base)
                .isNotEmpty();
        images = ImageContainers.build(Fixtures.root(), jar);
    }

    @AfterAll
    static void removeEverything() {
        if (images != null) {
            images.close();
        }
    }

    @Test
    void bootsTheDemoStackToHealthyAndPrintsTheSummary() throws Exception {
        String container = images.create(null, ENV, List.of(CONTROL, FRONTEND));
        images.start(container);
        int control = images.hostPort(container, CONTROL);

        awaitBooted(container, control, 1);
        String logs = images.logs(container);
        assertThat(logs).contains("SERVICE        KIND     STATE", "all required services ready in");
        assertThat(ImageContainers.lines(logs)).anyMatch(line -> line.matches("muster +\\| frontend +service +ready .*"));
        assertThat(get(control, "/_muster/status", null).statusCode()).as("the token protects /_muster/status").isEqualTo(401);
        HttpResponse<String> dashboard = get(control, "/_muster/", TOKEN);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<html");
        assertThat(get(control, "/", null).body()).as("port 7860 serves the demo app (control.app)").contains("muster demo stack");
        assertThat(get(images.hostPort(container, FRONTEND), "/api/visits", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(images.inspect(container).getState().getHealth().getStatus())
                        .as("the HEALTHCHECK's verdict").isEqualTo("healthy"));
    }

    @Test
    void dockerStopShutsPostgresDownCleanlyAndARestartKeepsTheData() throws Exception {
        String container = images.create(images.volume(), ENV, List.of(CONTROL, FRONTEND));
        images.start(container);
        awaitBooted(container, images.hostPort(container, CONTROL), 1);
        int frontend = images.hostPort(container, FRONTEND);
        post(frontend, "/api/visits");
        post(frontend, "/api/visits");

        images.stop(container, Duration.ofSeconds(60));
        assertThat(images.awaitExit(container, Duration.ofSeconds(5))).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(images.logs(container)).contains("database system is shut down", "stopped cleanly after SIGTERM");

        images.start(container);
        awaitBooted(container, images.hostPort(container, CONTROL), 2);
        String logs = images.logs(container);
        assertThat(logs).doesNotContain("not properly shut down", "automatic recovery in progress")
                .contains("postgres-init | skipped");
        assertThat(get(images.hostPort(container, FRONTEND), "/api/visits", null).body())
                .as("the counter, read from PostgreSQL in the volume").contains("\"visits\": 2");
        images.stop(container, Duration.ofSeconds(60));
    }

    @Test
    void aBrokenProfileExitsWithCode2AndAReadableError() {
        String container = images.create(null, ENV, List.of(), "up", "-p", "/tmp/broken.yaml");
        images.copy(container, "/tmp", "broken.yaml", """
                version: 1
                services:
                  web:
                    command: python3 -m http.server
                    depend_on: [db]
                """);
        images.start(container);

        assertThat(images.awaitExit(container, Duration.ofSeconds(60))).isEqualTo(2);
        String logs = images.logs(container);
        assertThat(logs).contains("profile /tmp/broken.yaml is invalid (2 problems)",
                "/tmp/broken.yaml:4: services.web.command", "did you mean 'depends_on'");
        assertThat(logs).doesNotContain("Exception", "\tat ");
    }

    @Test
    void signalsForwardedByTiniLeaveTheStackRunningUntilSigterm() throws Exception {
        String container = images.create(null, ENV, List.of(CONTROL));
        images.start(container);
        int control = images.hostPort(container, CONTROL);
        awaitBooted(container, control, 1);

        for (String signal : List.of("USR1", "USR2", "ALRM", "PWR", "XCPU")) {
            images.kill(container, "SIG" + signal);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(images.logs(container)).contains("received SIG" + signal + ": ignored"));
        }
        assertThat(images.inspect(container).getState().getRunning()).as("muster survived every signal").isTrue();
        assertThat(get(control, "/health", null).statusCode()).as("the stack is still ready").isEqualTo(200);

        images.stop(container, Duration.ofSeconds(60));
        assertThat(images.awaitExit(container, Duration.ofSeconds(5))).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(images.logs(container)).contains("database system is shut down", "stopped cleanly after SIGTERM")
                .doesNotContain("A fatal error has been detected by the Java Runtime Environment");
    }

    @Test
    void bootsAsUid1000LikeAHuggingFaceSpaceAndStopsPostgresCleanly() throws Exception {
        String container = images.createAs("1000", null, ENV, List.of(CONTROL, FRONTEND));
        images.start(container);
        awaitBooted(container, images.hostPort(container, CONTROL), 1);
        assertThat(get(images.hostPort(container, FRONTEND), "/api/visits", null).statusCode()).isEqualTo(200);
        String logs = images.logs(container);
        assertThat(logs.split("not root: every service runs as this account", -1)).as("said once:\n" + logs).hasSize(2);

        images.stop(container, Duration.ofSeconds(60));
        assertThat(images.awaitExit(container, Duration.ofSeconds(5))).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(images.logs(container)).contains("database system is shut down", "stopped cleanly after SIGTERM");
    }

    @Test
    void aSpaceLikeContainerAsUid1000KeepsItsRowsInTheBucketAcrossFreshDisks() throws Exception {
        String logs = keepsRowsAcrossFreshContainers("1000");
        assertThat(logs.split("not root: every service runs as this account", -1)).as("said once:\n" + logs).hasSize(2);
    }

    @Test
    void theSameProfileAsRootKeepsItsRowsInTheBucketAcrossFreshDisks() throws Exception {
        assertThat(keepsRowsAcrossFreshContainers(null)).doesNotContain("not root: every service runs as this account");
    }

    @Test
    void port7860ShowsTheBootPageThenTheDemoAppWithoutReload() throws Exception {
        String container = images.create(null, ENV, List.of(CONTROL),
                "up", "-p", "/app/profiles/image.yaml", "-p", "/tmp/gate.yaml");
        images.copy(container, "/tmp", "gate.yaml", """
                version: 1
                services:
                  gate:                      # holds the boot until the test opens it
                    command: [sleep, infinity]
                    ready: { exec: [test, -f, /tmp/gate.open], timeout: 5m }
                  frontend:
                    depends_on: [backend, gate]
                """);
        images.start(container);
        int port = images.hostPort(container, CONTROL);

        HttpResponse<String> page = await().atMost(BOOT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast("the container exited: " + container, () -> !images.inspect(container).getState().getRunning())
                .until(() -> send(port, "/", Map.of("Accept", HTML)), r -> r.body().contains("gate"));
        assertThat(page.statusCode()).as("the boot page is not the app: 503 for crawlers and probes").isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("is starting", "postgres", "frontend", "<noscript><meta http-equiv=\"refresh\"");
        HttpResponse<String> api = send(port, "/", Map.of("Accept", "application/json"));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body().strip()).doesNotContain("\n").contains("\"booting\"");
        assertThat(get(port, "/health", null).statusCode()).isEqualTo(503);
        assertThat(get(port, "/_muster/status", null).statusCode()).as("0.0.0.0: the token protects /_muster/status").isEqualTo(401);

        Path chromium = Chromium.binary().orElse(null);
        if (chromium == null) {
            System.err.println("ImageIT: chromium is not installed (scripts/install-deps): the browser part is left out");
            images.exec(container, "touch", "/tmp/gate.open");
        } else {
            try (Chromium browser = Chromium.open(chromium, "http://localhost:" + port + "/", browserProfile.resolve("chromium"))) {
                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval("document.title")).endsWith("is starting"));
                images.exec(container, "touch", "/tmp/gate.open");
                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval("document.querySelector('h1').textContent"))
                        .as("the same page, never reloaded by hand, is now the app").isEqualTo("muster demo stack"));
            }
        }
        awaitBooted(container, port, 1);
        assertThat(get(port, "/", null).body()).as("the demo app through the proxy").contains("muster demo stack");
        assertThat(get(port, "/api/visits", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/_muster/status", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/_muster/status", TOKEN).statusCode()).isEqualTo(200);
        images.stop(container, Duration.ofSeconds(60));
    }

    /**
     * Boots a container with no data volume and only a bucket directory mounted, writes a marker row,
     * stops it ({@code docker stop}: the on-stop dump), then boots a NEW container (a fresh disk) on the
     * same bucket: the row is back, restored from the dump, and the bootstrap file was not applied.
     * Returns the second container's output.
     */
    private String keepsRowsAcrossFreshContainers(String user) throws Exception {
        Path bucket = Files.createTempDirectory(scratch, "bucket");
        Files.setPosixFilePermissions(bucket, PosixFilePermissions.fromString("rwxrwxrwx"));
        String marker = UUID.randomUUID().toString();

        String first = images.createWithBucket(user, bucket, ENV, List.of(CONTROL));
        images.start(first);
        int port = images.hostPort(first, CONTROL);
        awaitBooted(first, port, 1);
        assertThat(images.logs(first)).contains("backups.db: no dump in /data/bucket/backups yet; this is a first boot",
                "applied schema.sql");
        psql(first, "CREATE TABLE space_marker(v text); INSERT INTO space_marker VALUES ('" + marker + "')");
        post(port, "/api/visits");
        images.stop(first, Duration.ofSeconds(60));
        assertThat(images.awaitExit(first, Duration.ofSeconds(5))).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(images.logs(first)).contains("backups.db (on-stop): wrote db-", "database system is shut down",
                "stopped cleanly after SIGTERM");

        String second = images.createWithBucket(user, bucket, ENV, List.of(CONTROL));
        images.start(second);
        int again = images.hostPort(second, CONTROL);
        awaitBooted(second, again, 1);
        String logs = images.logs(second);
        assertThat(ImageContainers.lines(logs)).as("a fresh disk: initdb ran again")
                .anyMatch(line -> line.startsWith("postgres-init | started"));
        assertThat(ImageContainers.lines(logs)).as(logs)
                .anyMatch(line -> line.matches("schema +\\| restored postgres from db-.*\\.dump .*not applying schema\\.sql.*"))
                .noneMatch(line -> line.contains("applied schema.sql"));
        assertThat(psql(second, "SELECT v FROM space_marker").strip()).as("the marker row").isEqualTo(marker);
        assertThat(get(again, "/api/visits", null).body()).as("the counter, read from PostgreSQL")
                .contains("\"visits\": 1", "\"source\": \"postgres\"");
        images.stop(second, Duration.ofSeconds(60));
        return logs;
    }

    private static String psql(String container, String sql) {
        return images.exec(container, "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", PSQL, "-c", sql);
    }

    /**
     * Waits for /health 200 and for the {@code boots}-th summary: /health ignores optional services
     * (the frontend), the summary comes once every service has settled.
     */
    private static void awaitBooted(String container, int port, int boots) {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the container exited: " + container, () -> !images.inspect(container).getState().getRunning())
                .until(() -> get(port, "/health", null).statusCode() == 200
                        && images.logs(container).split("all required services ready in", -1).length > boots);
    }

    private static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(int port, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void post(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
