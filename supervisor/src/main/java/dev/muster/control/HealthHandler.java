package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /health}: 200 while every required service is ready, 503 otherwise (booting,
 * restarting, failing, stopping), with {@code {"status": ..., "services": {name: state}}}.
 * {@code /health?service=NAME} answers for one service (200 when it is ready, 404 when unknown).
 * Never needs the token: it is what platform health checks and HEALTHCHECK call.
 */
final class HealthHandler implements HttpHandler {
    private final StackView view;
    private final Json json;

    HealthHandler(StackView view, Json json) {
        this.view = view;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "GET", "HEAD")) {
            return;
        }
        Health health = view.health();
        String service = Replies.query(exchange).get("service");
        if (service == null) {
            Replies.send(exchange, health.ready() ? 200 : 503, Replies.JSON, json.compact(health) + "\n");
            return;
        }
        String state = health.services().get(service);
        if (state == null) {
            Replies.error(exchange, 404, "no service named '" + service + "'; known: " + view.services());
            return;
        }
        ServiceReport report = view.document().services().stream().filter(s -> s.name().equals(service))
                .findFirst().orElseThrow();
        boolean ready = report.ready() && !health.stopping();
        Replies.send(exchange, ready ? 200 : 503, Replies.JSON,
                json.compact(Map.of("service", service, "status", ready ? "ready" : "not ready", "state", state)) + "\n");
    }
}
