package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.quote;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * muster owning the one public port ({@code control.app}) in front of the real demo frontend (Node):
 * the boot page in a real Chromium turning into the app by itself, the app's traffic streamed through
 * (a 20 MB upload, server-sent events, a WebSocket echo), muster's own endpoints under
 * {@code /_muster/}, the answers for an app that is down or slow and for hostile headers, the boot
 * page again while the app restarts, and the failure page with its log tail only for the token.
 */
class ProxyIT {
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HTML = "text/html,application/xhtml+xml";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void browserSeesTheBootPageThenTheAppWithoutReloading() throws Exception {
        Path chromium = Chromium.binary().orElse(null);
        assumeTrue(chromium != null, "chromium is not installed; run scripts/install-deps");
        Path gate = dir.resolve("gate.open");
        Path artifacts = MusterRun.jar().getParent();

        try (MusterRun up = MusterRun.up(proxiedProfile(gate, "127.0.0.1:0", ""), Map.of())) {
            ControlHttp control = ControlHttp.of(up);
            up.awaitLine(line("gate") + "started, pid", BOOT);

            HttpResponse<String> api = send(control.base(), "/", Map.of("Accept", "application/json"));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.body().strip()).doesNotContain("\n");
            assertThat(JSON.readTree(api.body()).path("status").asText()).isEqualTo("booting");
            HttpResponse<String> page = send(control.base(), "/any/path", Map.of("Accept", HTML));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).as("works with JavaScript off").contains("<noscript><meta http-equiv=\"refresh\"");

            try (Chromium browser = Chromium.open(chromium, control.base() + "/", dir.resolve("chromium-profile"))) {
                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval("document.title")).endsWith("is starting"));
                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval(
                        "document.querySelector('tr[data-service=\"frontend\"] .waits').textContent")).isEqualTo("gate"));
                assertThat(browser.eval("document.querySelector('tr[data-service=\"gate\"] .state').textContent"))
                        .isEqualTo("starting");
                browser.screenshot(artifacts.resolve("proxy-boot-page.png"));

                Files.createFile(gate);

                await().atMost(BOOT).untilAsserted(() -> assertThat(browser.eval("document.querySelector('h1').textContent"))
                        .as(up.output()).isEqualTo("muster demo stack"));
                browser.screenshot(artifacts.resolve("proxy-app.png"));
            }
        }
    }

    @Test
    void demoFrontendWorksThroughTheProxyAndMusterAnswersForWhatIsNot() throws Exception {
        Path gate = Files.createFile(dir.resolve("gate.open"));
        int nobody = Fixtures.freePort();
        try (MusterRun up = MusterRun.up(proxiedProfile(gate, "127.0.0.1:0", "  app_timeout: 2s\n",
                "/gone", "http://127.0.0.1:" + nobody), Map.of())) {
            ControlHttp control = ControlHttp.of(up);
            URI base = control.base();
            up.awaitLine(line("muster") + "all required services ready", BOOT);

            assertThat(send(base, "/", Map.of()).body()).contains("muster demo stack");
            assertThat(control.status("/health")).isEqualTo(200);
            assertThat(JSON.readTree(control.get("/_muster/status").body()).path("stack").asText()).isEqualTo("proxied");
            assertThat(control.get("/_muster/").body()).contains("<html");

            JsonNode echoed = JSON.readTree(send(base, "/demo/echo-headers", Map.of("X-Forwarded-For", "6.6.6.6")).body());
            assertThat(echoed.path("headers").path("host").asText()).isEqualTo(base.getAuthority());
            assertThat(echoed.path("headers").path("x-forwarded-host").asText()).isEqualTo(base.getAuthority());
            assertThat(echoed.path("headers").path("x-forwarded-proto").asText()).isEqualTo("http");
            assertThat(echoed.path("headers").path("x-forwarded-for").asText()).isEqualTo("127.0.0.1");

            uploadsTwentyMegabytes(base);
            streamsEventsAsTheyHappen(base);
            echoesOverAWebSocket(base);

            HttpResponse<String> slow = send(base, "/demo/slow?ms=10000", Map.of());
            assertThat(slow.statusCode()).isEqualTo(504);
            assertThat(slow.body()).contains("did not answer within 2s");
            HttpResponse<String> gone = send(base, "/gone/x", Map.of("Accept", HTML));
            assertThat(gone.statusCode()).isEqualTo(502);
            assertThat(gone.body()).contains("127.0.0.1:" + nobody + " refuses connections");
            HttpResponse<String> huge = send(base, "/", Map.of("X-Huge", "x".repeat(100_000)));
            assertThat(huge.statusCode()).isBetween(400, 431);
            assertThat(send(base, "/", Map.of()).statusCode()).as("still serving after hostile input").isEqualTo(200);

            long pid = StreamSupport.stream(JSON.readTree(control.get("/_muster/status").body()).path("services").spliterator(), false)
                    .filter(s -> s.path("name").asText().equals("frontend")).findFirst().orElseThrow().path("pid").asLong();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(BOOT).untilAsserted(() -> {
                HttpResponse<String> restarting = send(base, "/", Map.of("Accept", HTML));
                assertThat(restarting.statusCode()).as("the boot page while the app restarts, not a 502").isEqualTo(503);
                assertThat(restarting.body()).contains("is starting");
            });
            await().atMost(BOOT).untilAsserted(() -> assertThat(send(base, "/", Map.of()).body()).contains("muster demo stack"));
        }
    }

    @Test
    void failedRequiredServiceShowsTheReasonToAllAndTheLogTailOnlyWithTheToken() throws Exception {
        String token = "tkn-" + new Random().nextInt(1_000_000);
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: broken
                services:
                  api:
                    command: %s
                    ready: { tcp: { port: %d }, timeout: 30s }
                control:
                  listen: "0.0.0.0:0"
                  app: http://127.0.0.1:%d
                  token_env: PROXY_TOKEN
                  hold: 60s
                  run_dir: %s
                """.formatted(sh("crash-at-boot.sh", dir.resolve("missing/api.log")), Fixtures.freePort(), Fixtures.freePort(),
                quote(dir.resolve("run").toString())));

        try (MusterRun up = MusterRun.up(profile, Map.of("PROXY_TOKEN", token))) {
            URI base = ControlHttp.of(up).onLoopback().base();
            up.awaitLine("failure page stays up", BOOT);

            HttpResponse<String> page = send(base, "/", Map.of("Accept", HTML));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("failed to start", "<b id=\"failed-service\">api</b>", "exited with code 3")
                    .contains("/_muster/?token=TOKEN").doesNotContain("Worker failed to boot");
            HttpResponse<String> withToken = send(base, "/", Map.of("Accept", HTML, "Authorization", "Bearer " + token));
            assertThat(withToken.body()).contains("id=\"tail\"", "Worker failed to boot");
            HttpResponse<String> json = send(base, "/anything", Map.of());
            assertThat(JSON.readTree(json.body()).path("service").asText()).isEqualTo("api");

            assertThat(send(base, "/health", Map.of()).statusCode()).isEqualTo(503);
            assertThat(send(base, "/_muster/boot", Map.of()).statusCode()).isEqualTo(200);
            assertThat(send(base, "/_muster/status", Map.of()).statusCode()).isEqualTo(401);
            assertThat(send(base, "/_muster/status", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);

            MusterRun down = MusterRun.start(dir, Map.of("PROXY_TOKEN", token), "down", "-p", profile.toString());
            assertThat(down.awaitExit(BOOT)).as(down.output()).isZero();
            assertThat(up.awaitExit(BOOT)).as(up.output()).isEqualTo(1);
        }
    }

    private void uploadsTwentyMegabytes(URI base) throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        long size = 20L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/demo/upload")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new DigestingZeros(size, sent)), size)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("bytes").asLong()).isEqualTo(size);
        assertThat(answer.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    private void streamsEventsAsTheyHappen(URI base) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/demo/stream?count=3&interval=1500"))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event: tick");
            long first = System.nanoTime();
            assertThat(lines.readLine()).startsWith("data: 1 ");
            List<String> rest = lines.lines().toList();
            long afterFirst = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
            assertThat(rest).contains("data: 3 " + rest.get(rest.size() - 2).substring(8)).hasSizeGreaterThan(4);
            assertThat(afterFirst).as("the first event came before the response ended").isGreaterThanOrEqualTo(2500);
        }
    }

    private void echoesOverAWebSocket(URI base) throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://" + base.getAuthority() + "/demo/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            echoed.complete(text.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("hello through muster", true).get(10, TimeUnit.SECONDS);
        assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello through muster");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(URI base, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo frontend behind muster, after {@code gate}; more prefixes as (prefix, url) pairs. */
    private Path proxiedProfile(Path gate, String listen, String controlExtra, String... routes) {
        int port = Fixtures.freePort();
        StringBuilder app = new StringBuilder("    /: http://127.0.0.1:" + port + "\n");
        for (int i = 0; i < routes.length; i += 2) {
            app.append("    ").append(routes[i]).append(": ").append(routes[i + 1]).append('\n');
        }
        return Fixtures.profile(dir, """
                version: 1
                name: proxied
                services:
                  gate:
                    command: %s
                    ready: { exec: [test, -f, %s], interval: 100ms, timeout: 60s }
                  frontend:
                    depends_on: [gate]
                    command: [node, %s]
                    env: { FRONTEND_PORT: "%d", BACKEND_URL: "http://127.0.0.1:1" }
                    ready: { http: { url: "http://127.0.0.1:%d/healthz", status: 200 } }
                    restart: { policy: on-failure, max: 3, backoff: { initial: 2s, max: 2s } }
                control:
                  listen: %s
                  run_dir: %s
                  app:
                %s%s""".formatted(sh("say-then-idle.sh", "0", "gate up"), quote(gate.toString()),
                quote(Fixtures.root().resolve("demo/frontend/server.js").toString()), port, port, quote(listen),
                quote(dir.resolve("run").toString()), app, controlExtra));
    }

    /** {@code size} zero bytes, hashed as they are read. */
    private static final class DigestingZeros extends InputStream {
        private long left;
        private final MessageDigest digest;

        DigestingZeros(long size, MessageDigest digest) {
            this.left = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) (left % 251));
            digest.update(buffer, offset, n);
            left -= n;
            return n;
        }
    }
}
