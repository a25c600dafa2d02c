package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** {@code GET /metrics}: {@link StackMetrics} in the Prometheus text format (version 0.0.4). */
final class MetricsHandler implements HttpHandler {
    private final StackMetrics metrics;

    MetricsHandler(StackMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "GET", "HEAD")) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        metrics.write(body);
        exchange.getResponseHeaders().set("Content-Type", metrics.contentType());
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.size());
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                body.writeTo(out);
            }
        }
    }
}
