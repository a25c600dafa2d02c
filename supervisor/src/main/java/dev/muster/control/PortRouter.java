package dev.muster.control;

import com.sun.net.httpserver.Filter;
import dev.muster.proxy.AppProxy;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Routes every request of the control port. muster's endpoints are always under {@code /_muster/}
 * (so the client commands find them either way); without an app, also at the root (longest
 * matching prefix, as the JDK server did). With one, only {@code /health} stays at the root, and every other request goes to the app while the stack is
 * ready, else to the boot (or failure) page. muster's handlers are blocking
 * {@code com.sun.net.httpserver} handlers run on worker threads through {@link ExchangeBridge};
 * the proxy stays on the I/O threads.
 */
final class PortRouter implements HttpHandler {
    private final String prefix;
    private final Map<String, com.sun.net.httpserver.HttpHandler> open;
    private final Map<String, com.sun.net.httpserver.HttpHandler> guarded;
    private final BearerAuth auth;
    private final Executor executor;
    private final Optional<AppProxy> app;
    private final BooleanSupplier ready;
    private final com.sun.net.httpserver.HttpHandler notReady;

    /**
     * @param prefix   where muster's own endpoints are: "" (the root) or {@code /_muster}
     * @param open     routes served without the token (path prefix, relative to {@code prefix})
     * @param guarded  routes that need it
     * @param app      the proxy to the app, when {@code control.app} is set
     * @param ready    whether the stack is ready (the app gets the traffic)
     * @param notReady what the app's paths answer meanwhile
     */
    PortRouter(String prefix, Map<String, com.sun.net.httpserver.HttpHandler> open,
               Map<String, com.sun.net.httpserver.HttpHandler> guarded, BearerAuth auth, Executor executor,
               Optional<AppProxy> app, BooleanSupplier ready, com.sun.net.httpserver.HttpHandler notReady) {
        this.prefix = prefix;
        this.open = Map.copyOf(open);
        this.guarded = Map.copyOf(guarded);
        this.auth = auth;
        this.executor = executor;
        this.app = app;
        this.ready = ready;
        this.notReady = notReady;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (path.startsWith(prefix + "/")) {
            own(exchange, path.substring(prefix.length()), prefix);
        } else if (path.equals(prefix)) {
            exchange.setStatusCode(308);
            exchange.getResponseHeaders().put(Headers.LOCATION, prefix + "/");
            exchange.endExchange();
        } else if (app.isEmpty()) {
            own(exchange, path, "");
        } else if (path.equals("/health")) {
            blocking(exchange, open.get("/health"), false, "");
        } else if (ready.getAsBoolean()) {
            app.get().handleRequest(exchange);
        } else {
            blocking(exchange, notReady, false, "");
        }
    }

    private void own(HttpServerExchange exchange, String path, String under) {
        String best = null;
        for (String route : open.keySet()) {
            best = longer(best, route, path);
        }
        String bestGuarded = best;
        for (String route : guarded.keySet()) {
            bestGuarded = longer(bestGuarded, route, path);
        }
        if (bestGuarded == null) {
            exchange.setStatusCode(404);
            exchange.endExchange();
        } else if (bestGuarded.equals(best)) {
            blocking(exchange, open.get(best), false, under);
        } else {
            blocking(exchange, guarded.get(bestGuarded), true, under);
        }
    }

    private static String longer(String best, String route, String path) {
        return path.startsWith(route) && (best == null || route.length() > best.length()) ? route : best;
    }

    private void blocking(HttpServerExchange exchange, com.sun.net.httpserver.HttpHandler handler, boolean guard,
                          String under) {
        exchange.dispatch(executor, ex -> {
            ex.startBlocking();
            ExchangeBridge bridge = new ExchangeBridge(ex, under);
            if (guard) {
                new Filter.Chain(List.of(auth), handler).doFilter(bridge);
            } else {
                handler.handle(bridge);
            }
            bridge.close();
        });
    }
}
