package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Writes one text/event-stream response: the opening events, then whatever the subscriber
 * receives, with a comment every {@value #KEEPALIVE_SECONDS} s of quiet (which also finds clients
 * that went away), until the hub ends the stream or the client disconnects.
 */
final class EventStreams {
    static final long KEEPALIVE_SECONDS = 15;

    private EventStreams() {
    }

    static void stream(HttpExchange exchange, EventHub hub, EventHub.Subscriber subscriber,
                       List<EventHub.Event> opening, Function<EventHub.Event, String> framer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 1000\n\n");
            for (EventHub.Event event : opening) {
                write(out, framer.apply(event));
            }
            while (true) {
                EventHub.Event event = subscriber.next(KEEPALIVE_SECONDS);
                if (event == EventHub.Event.END) {
                    if (subscriber.overflowed()) {
                        write(out, new EventHub.Event("overflow", "client too slow; reconnect").frame());
                    }
                    return;
                }
                write(out, event == null ? ": keepalive\n\n" : framer.apply(event));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unsubscribe(subscriber);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
