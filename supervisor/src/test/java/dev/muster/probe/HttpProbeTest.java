package dev.muster.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.muster.profile.ProbeSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Http probes against a real local server. */
class HttpProbeTest {
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fiftyRunsOfAnHttpProbeAddNoThreadPerRun() {
        Probes probes = new Probes(null);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
        long before = httpClientThreads();

        for (int run = 0; run < 50; run++) {
            try (Probe probe = probes.create(new ProbeSpec.Http(url, 200, null), null, null)) {
                assertThat(probe.check(Duration.ofSeconds(5)).ready()).isTrue();
            }
        }

        assertThat(httpClientThreads() - before).as("one shared client, not one per run").isLessThanOrEqualTo(1);
    }

    @Test
    void saysConnectionRefusedWhenNothingListens() throws IOException {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closed + "/health");

        try (Probe probe = new Probes(null).create(new ProbeSpec.Http(url, 200, null), null, null)) {
            ProbeResult result = probe.check(Duration.ofSeconds(5));

            assertThat(result.ready()).isFalse();
            assertThat(result.detail()).isEqualTo("connection refused by " + url + " (nothing listens there)");
        }
    }

    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("SelectorManager"))
                .count();
    }
}
