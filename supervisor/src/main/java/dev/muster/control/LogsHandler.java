package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.muster.logs.ServiceLog;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /logs/NAME?tail=N}: the last N (default 100, at most {@link ServiceLog#TAIL_CAPACITY})
 * lines of a service's output as text/plain. With {@code follow=1}, a text/event-stream instead:
 * the tail, then every new line as it is written, each as an event {@code line}. Secrets redacted.
 */
final class LogsHandler implements HttpHandler {
    static final int DEFAULT_TAIL = 100;

    private final StackView view;
    private final Function<String, Optional<ServiceLog>> logs;
    private final EventHub hub;

    LogsHandler(StackView view, Function<String, Optional<ServiceLog>> logs, EventHub hub) {
        this.view = view;
        this.logs = logs;
        this.hub = hub;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "GET", "HEAD")) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String name = path.startsWith("/logs/") ? path.substring("/logs/".length()) : "";
        Optional<ServiceLog> log = name.isEmpty() ? Optional.empty() : logs.apply(name);
        if (log.isEmpty()) {
            Replies.error(exchange, 404, "no service named '" + name + "'; use /logs/NAME with one of " + view.services());
            return;
        }
        Map<String, String> query = Replies.query(exchange);
        int tail = Replies.number(query, "tail", DEFAULT_TAIL, ServiceLog.TAIL_CAPACITY);
        if (!Replies.flag(query, "follow")) {
            StringBuilder body = new StringBuilder();
            log.get().tail().last(tail).forEach(line -> body.append(view.redact(line)).append('\n'));
            Replies.send(exchange, 200, Replies.TEXT, body.toString());
            return;
        }
        EventHub.Subscriber subscriber = hub.subscribe(e -> e.name().equals("log") && e.service().equals(name)
                || e.name().equals("end"));
        List<EventHub.Event> opening = log.get().tail().last(tail).stream()
                .map(line -> new EventHub.Event("log", "", name, view.redact(line))).toList();
        EventStreams.stream(exchange, hub, subscriber, opening, LogsHandler::frame);
    }

    private static String frame(EventHub.Event event) {
        return event.name().equals("log") ? "event: line\ndata: " + event.line().replace("\r", "") + "\n\n" : event.frame();
    }
}
