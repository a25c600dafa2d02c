package dev.muster.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.muster.profile.ProbeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Http probes of {@code http://} URLs, over the plain socket, against real local servers. */
class PlainHttpProbeTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> reply(exchange, 200, "all good\n"));
        server.createContext("/sick", exchange -> reply(exchange, 503, "database   down"));
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("first ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/stuck", exchange -> {
            awaitRelease();
            reply(exchange, 200, "late");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void readyWhenTheStatusMatchesAndSaysWhatCameBackWhenNot() {
        assertThat(check(url("/health"), 0, null).ready()).isTrue();
        ProbeResult sick = check(url("/sick"), 0, null);
        assertThat(sick.ready()).isFalse();
        assertThat(sick.detail()).isEqualTo("HTTP 503 database down (wanted 2xx)");
        assertThat(check(url("/sick"), 503, null).ready()).isTrue();
    }

    @Test
    void matchesTheBodyIncludingAChunkedOne() {
        assertThat(check(url("/health"), 200, Pattern.compile("all good")).ready()).isTrue();
        ProbeResult wrong = check(url("/health"), 200, Pattern.compile("broken"));
        assertThat(wrong.detail()).isEqualTo("HTTP 200 all good (body does not match /broken/)");
        assertThat(check(url("/chunked"), 200, Pattern.compile("first second")).ready()).isTrue();
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutWithinTheBudget() {
        long start = System.nanoTime();
        ProbeResult stuck = check(url("/stuck"), 0, null, Duration.ofMillis(300));
        assertThat(stuck.ready()).isFalse();
        assertThat(stuck.detail()).endsWith("accepted the connection but did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedConnectionSaysNothingListens() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProbeResult refused = check(URI.create("http://127.0.0.1:" + port + "/"), 0, null);
        assertThat(refused.detail()).contains("connection refused").contains("nothing listens there");
    }

    @Test
    void garbageIsNotReadyAndSaysWhy() throws Exception {
        ProbeResult garbage = againstRawServer("SSH-2.0-OpenSSH_9.2\r\n");
        assertThat(garbage.ready()).isFalse();
        assertThat(garbage.detail()).contains("not an HTTP/1.x status line: SSH-2.0-OpenSSH_9.2");
    }

    @Test
    void aHugeHeaderIsCutOffAtTheBound() throws Exception {
        String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(PlainHttpGet.MAX_HEADER * 4) + "\r\n\r\n";
        ProbeResult result = againstRawServer(huge);
        assertThat(result.ready()).isFalse();
        assertThat(result.detail()).contains("header is longer than " + PlainHttpGet.MAX_HEADER + " bytes");
    }

    @Test
    void noHttpClientThreadForPlainHttp() {
        Probes probes = new Probes(null);
        try (Probe probe = probes.create(new ProbeSpec.Http(url("/health"), 0, null), null, null)) {
            assertThat(probe.check(Duration.ofSeconds(5)).ready()).isTrue();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("HttpClient-"));
    }

    private ProbeResult againstRawServer(String answer) throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread writer = new Thread(() -> {
                try (Socket client = raw.accept()) {
                    client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    client.getOutputStream().flush();
                    client.shutdownOutput();
                    client.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // the probe may close first
                }
            });
            writer.start();
            ProbeResult result = check(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"), 0, null);
            writer.join(5000);
            return result;
        }
    }

    private ProbeResult check(URI url, int status, Pattern body) {
        return check(url, status, body, Duration.ofSeconds(5));
    }

    private static ProbeResult check(URI url, int status, Pattern body, Duration timeout) {
        try (Probe probe = new Probes(null).create(new ProbeSpec.Http(url, status, body), null, null)) {
            return probe.check(timeout);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
