package dev.muster.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlClientTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ControlClient serving(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new ControlClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Optional.empty());
    }

    @Test
    void aSupervisorAlreadyShuttingDownEndsTheStreamInsteadOfFailingTheClient() throws Exception {
        List<String> events = new ArrayList<>();

        boolean reached = serving(503, "").follow("/events?logs=0", (type, data) -> events.add(type));

        assertThat(reached).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void theEndEventOfAStreamReachesTheListener() throws Exception {
        List<String> events = new ArrayList<>();

        serving(200, "event: end\ndata: {\"exitCode\":143}\n\n").follow("/events?logs=0", (type, data) -> events.add(type + " " + data));

        assertThat(events).containsExactly("end {\"exitCode\":143}");
    }
}
