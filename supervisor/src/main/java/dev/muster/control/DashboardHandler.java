package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: the boot dashboard, one self-contained page (HTML, CSS and script inline, no
 * external asset) that follows {@code /events}. Any other unknown path is a 404.
 */
final class DashboardHandler implements HttpHandler {
    static final String RESOURCE = "/dev/muster/control/dashboard.html";

    private final String page;

    DashboardHandler() {
        try (InputStream in = DashboardHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + RESOURCE + " is missing from the jar; rebuild muster");
            }
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "GET", "HEAD")) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/index.html")) {
            Replies.error(exchange, 404, "nothing at " + path + "; try /, /health, /status, /metrics, /logs/NAME or /events");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
        Replies.send(exchange, 200, "text/html; charset=utf-8", page);
    }
}
