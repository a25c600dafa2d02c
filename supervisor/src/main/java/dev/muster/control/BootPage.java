package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.muster.logs.ServiceLog;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the app's paths answer while the stack is not ready (booting, restarting, stopping) or after
 * a required failure. A browser ({@code Accept: text/html}) gets a page: while booting, every
 * service with its state, what it waits for and for how long, updated every second from
 * {@code /_muster/boot} and replaced by the app itself once the stack is ready (with JavaScript off,
 * a meta refresh every {@value #REFRESH_SECONDS} s does the same); after a failure, which service
 * failed and why, and only with the token its last log lines. Other clients get 503, a
 * {@code Retry-After} and one line of JSON. All of it is public except the log tail.
 */
final class BootPage implements HttpHandler {
    static final int REFRESH_SECONDS = 2;

    private final StackView view;
    private final Function<String, Optional<ServiceLog>> logs;
    private final BearerAuth auth;
    private final int tail;
    private final Json json;
    private final Clock clock;

    BootPage(StackView view, Function<String, Optional<ServiceLog>> logs, BearerAuth auth, int tail, Json json, Clock clock) {
        this.view = view;
        this.logs = logs;
        this.auth = auth;
        this.tail = tail;
        this.json = json;
        this.clock = clock;
    }

    BootSummary summary() {
        return BootSummary.of(view.document(), view.health(), clock.instant());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        BootSummary summary = summary();
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(REFRESH_SECONDS));
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("text/html")) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("status", summary.status());
            if (summary.failure() == null) {
                line.put("detail", waiting(summary));
            } else {
                line.put("service", summary.failure().service());
                line.put("reason", summary.failure().reason());
            }
            Replies.send(exchange, 503, Replies.JSON, json.compact(line) + "\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'");
        String tailText = summary.failure() != null && !summary.failure().service().isEmpty() && auth.permits(exchange)
                ? tailOf(summary.failure().service()) : null;
        Replies.send(exchange, 503, "text/html; charset=utf-8", BootPageHtml.render(summary, tailText, auth.required()));
    }

    private String tailOf(String service) {
        StringBuilder text = new StringBuilder();
        logs.apply(service).ifPresent(log -> log.tail().last(tail).forEach(l -> text.append(view.redact(l)).append('\n')));
        return text.toString();
    }

    private static String waiting(BootSummary summary) {
        var notReady = summary.services().stream().filter(s -> !s.ready()).map(BootSummary.Entry::name).toList();
        return notReady.isEmpty() ? summary.status() : "waiting for " + String.join(", ", notReady);
    }
}
