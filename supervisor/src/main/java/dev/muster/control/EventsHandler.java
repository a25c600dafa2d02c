package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.muster.logs.ServiceLog;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /events}: the live feed of the dashboard, as text/event-stream. It opens with
 * {@code snapshot} ({@code {"status": StatusDocument, "logs": {service: [last lines]}}}), then sends
 * {@code service} (a {@link ServiceReport}) on every state change, {@code snapshot} on every boot
 * phase, {@code log} ({@code {"service", "line"}}) for every output line unless {@code logs=0},
 * and {@code end} (the {@link StatusDocument.Ending}) when muster is done; then the stream closes.
 */
final class EventsHandler implements HttpHandler {
    static final int SNAPSHOT_TAIL = 200;

    private final StackView view;
    private final Function<String, Optional<ServiceLog>> logs;
    private final EventHub hub;
    private final Json json;

    EventsHandler(StackView view, Function<String, Optional<ServiceLog>> logs, EventHub hub, Json json) {
        this.view = view;
        this.logs = logs;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Replies.method(exchange, "GET")) {
            return;
        }
        boolean withLogs = !Replies.query(exchange).containsKey("logs") || Replies.flag(Replies.query(exchange), "logs");
        int tail = withLogs ? Replies.number(Replies.query(exchange), "tail", SNAPSHOT_TAIL, ServiceLog.TAIL_CAPACITY) : 0;
        EventHub.Subscriber subscriber = hub.subscribe(e -> withLogs || !e.name().equals("log"));
        EventStreams.stream(exchange, hub, subscriber, List.of(snapshot(tail)), EventHub.Event::frame);
    }

    /** The opening event: the whole document and every service's last {@code tail} lines. */
    EventHub.Event snapshot(int tail) {
        Map<String, List<String>> tails = new LinkedHashMap<>();
        for (String service : view.services()) {
            tails.put(service, logs.apply(service).map(log -> log.tail().last(tail).stream().map(view::redact).toList())
                    .orElse(List.of()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", view.document());
        data.put("logs", tails);
        return new EventHub.Event("snapshot", json.compact(data));
    }
}
