package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /status}: the {@link StatusDocument} of the running stack, secrets redacted. */
final class StatusHandler implements HttpHandler {
    private final StackView view;
    private final Json json;

    StatusHandler(StackView view, Json json) {
        this.view = view;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (Replies.method(exchange, "GET", "HEAD")) {
            Replies.send(exchange, 200, Replies.JSON, json.pretty(view.document()) + "\n");
        }
    }
}
