package dev.muster.proxy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.net.URI;
import java.time.Duration;

/**
 * The answers muster gives when the app does not: 502 when its upstream refuses the connection or
 * breaks it off before answering, 504 when it stays silent for the timeout, 404 when no path prefix
 * covers the request. A browser ({@code Accept: text/html}) gets a small page that says so, other
 * clients one line of JSON. Nothing is written once the app has started its response: then the
 * connection is closed, as every proxy must.
 */
final class ProxyFailures {
    static final AttachmentKey<Boolean> UNREACHABLE = AttachmentKey.create(Boolean.class);
    private static final AttachmentKey<Long> STARTED = AttachmentKey.create(Long.class);

    private final Duration timeout;

    ProxyFailures(Duration timeout) {
        this.timeout = timeout;
    }

    /** Arranges for a failure of the proxied exchange to be explained. */
    void watch(HttpServerExchange exchange, URI upstream) {
        exchange.putAttachment(STARTED, System.nanoTime());
        exchange.addDefaultResponseListener(ex -> {
            if (ex.isResponseStarted() || ex.getStatusCode() < 500) {
                return false;
            }
            explain(ex, upstream);
            return true;
        });
    }

    void noRoute(HttpServerExchange exchange) {
        send(exchange, 404, "nothing here", "no path prefix of control.app covers " + exchange.getRequestPath());
    }

    private void explain(HttpServerExchange exchange, URI upstream) {
        Long started = exchange.getAttachment(STARTED);
        long waitedMs = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        String app = "the app at " + upstream.getAuthority();
        if (exchange.getStatusCode() == 504 || waitedMs >= timeout.toMillis() - 50) {
            send(exchange, 504, "gateway timeout", app + " did not answer within " + timeout.toSeconds()
                    + "s (control.app_timeout)");
        } else if (Boolean.TRUE.equals(exchange.getAttachment(UNREACHABLE))) {
            send(exchange, 502, "bad gateway", app + " refuses connections: it is not listening (crashed, or on another port?)");
        } else {
            send(exchange, 502, "bad gateway", app + " closed the connection without answering");
        }
    }

    private static void send(HttpServerExchange exchange, int status, String title, String message) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
            exchange.getResponseSender().send("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + status + " "
                    + title + "</title></head><body style=\"font-family:system-ui,sans-serif;margin:3em\"><h1>" + status
                    + " " + title + "</h1><p id=\"reason\">" + escape(message) + ".</p><p>muster is running; its status"
                    + " is at <a href=\"/_muster/\">/_muster/</a>.</p></body></html>\n");
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            exchange.getResponseSender().send("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
