package dev.muster.proxy;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xnio.OptionMap;
import org.xnio.Options;

/**
 * The reverse proxy to the app: Undertow's {@link ProxyHandler}, one connection pool per upstream.
 * It streams bodies both ways, passes WebSocket (and any HTTP/1.1) upgrades through, keeps the
 * client's {@code Host} and sets {@code X-Forwarded-For/-Proto/-Port} and {@code X-Forwarded-Host}
 * (the client's {@code Host} as sent, port included), replacing any the client sent: muster is the edge.
 * muster's own token cookie is removed from what the app receives. An upstream that sends nothing for {@code timeout} is cut
 * off (504 if it had not answered yet); a refused connection is a 502. Both answers are
 * {@link ProxyFailures} pages.
 */
public final class AppProxy implements HttpHandler {
    /** Connections kept open per upstream and I/O thread. */
    static final int CONNECTIONS_PER_THREAD = 32;

    private final RouteTable table;
    private final Map<URI, HttpHandler> handlers = new LinkedHashMap<>();
    private final ProxyFailures failures;
    private final String ownCookie;

    /**
     * @param table     where each path prefix goes
     * @param timeout   how long an upstream may stay silent on one request (also on an upgraded connection)
     * @param ownCookie the name of muster's own cookie (its token), never passed to the app
     */
    public AppProxy(RouteTable table, Duration timeout, String ownCookie) {
        this.table = table;
        this.ownCookie = ownCookie;
        this.failures = new ProxyFailures(timeout);
        OptionMap options = OptionMap.builder().set(Options.READ_TIMEOUT, (int) timeout.toMillis())
                .set(Options.TCP_NODELAY, true).getMap();
        for (RouteTable.Route route : table.routes()) {
            handlers.computeIfAbsent(route.upstream(), upstream -> {
                LoadBalancingProxyClient client = new LoadBalancingProxyClient()
                        .addHost(upstream, null, null, options)
                        .setConnectionsPerThread(CONNECTIONS_PER_THREAD)
                        .setProblemServerRetry(1);
                return ProxyHandler.builder().setProxyClient(new MarkingProxyClient(client))
                        .setRewriteHostHeader(false).setReuseXForwarded(false).setMaxConnectionRetries(1)
                        .setNext(exchange -> failures.noRoute(exchange)).build();
            });
        }
    }

    /** Whether some prefix covers {@code path}. */
    public boolean covers(String path) {
        return table.route(path).isPresent();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var route = table.route(exchange.getRequestPath());
        if (route.isEmpty()) {
            failures.noRoute(exchange);
            return;
        }
        failures.watch(exchange, route.get().upstream());
        withoutOwnCookie(exchange);
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null) {
            exchange.getRequestHeaders().remove(Headers.X_FORWARDED_HOST);
        } else {
            exchange.getRequestHeaders().put(Headers.X_FORWARDED_HOST, host);
        }
        handlers.get(route.get().upstream()).handleRequest(exchange);
    }

    /** Drops muster's token cookie from the request: the app must never see muster's token. */
    private void withoutOwnCookie(HttpServerExchange exchange) {
        var values = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (values == null || values.stream().noneMatch(v -> v.contains(ownCookie + "="))) {
            return;
        }
        java.util.List<String> kept = values.stream().map(v -> java.util.Arrays.stream(v.split(";")).map(String::strip)
                .filter(c -> !c.startsWith(ownCookie + "=")).collect(java.util.stream.Collectors.joining("; ")))
                .filter(v -> !v.isEmpty()).toList();
        exchange.getRequestHeaders().remove(Headers.COOKIE);
        kept.forEach(v -> exchange.getRequestHeaders().add(Headers.COOKIE, v));
    }
}
