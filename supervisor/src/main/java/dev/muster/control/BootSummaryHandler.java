package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /_muster/boot}: the public {@link BootSummary} as JSON, which the boot page polls. Never needs the token. */
final class BootSummaryHandler implements HttpHandler {
    private final Supplier<BootSummary> summary;
    private final Json json;

    BootSummaryHandler(Supplier<BootSummary> summary, Json json) {
        this.summary = summary;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (Replies.method(exchange, "GET", "HEAD")) {
            Replies.send(exchange, 200, Replies.JSON, json.compact(summary.get()) + "\n");
        }
    }
}
