package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;

/**
 * {@code POST /down}: asks the supervisor for a graceful stop, exactly as SIGTERM would, and answers
 * 202 at once; watch {@code /events} (it ends when muster is done) to wait for the stop. A request
 * whose {@code Origin} is another site is refused, so a web page cannot stop the stack.
 */
final class DownHandler implements HttpHandler {
    private final Runnable down;

    /** @param down requests the stop; must not block */
    DownHandler(Runnable down) {
        this.down = down;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "POST")) {
            return;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin != null && (host == null || !host.equalsIgnoreCase(authority(origin)))) {
            Replies.error(exchange, 403, "cross-site request refused: Origin " + origin + " is not this server");
            return;
        }
        down.run();
        Replies.send(exchange, 202, Replies.JSON, "{\"status\":\"stopping\"}\n");
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
