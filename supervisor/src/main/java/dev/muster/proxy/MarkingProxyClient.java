package dev.muster.proxy;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ProxyClient} that remembers, on the exchange, that no connection to the upstream could be
 * had, so that {@link ProxyFailures} can tell "the app is not listening" (502) from "the app did not
 * answer in time" (504): Undertow answers both with a bare 503.
 */
final class MarkingProxyClient implements ProxyClient {
    private final ProxyClient delegate;

    MarkingProxyClient(ProxyClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        return delegate.findTarget(exchange);
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
                              long timeout, TimeUnit timeUnit) {
        delegate.getConnection(target, exchange, new ProxyCallback<>() {
            @Override
            public void completed(HttpServerExchange exchange, ProxyConnection result) {
                callback.completed(exchange, result);
            }

            @Override
            public void failed(HttpServerExchange exchange) {
                exchange.putAttachment(ProxyFailures.UNREACHABLE, Boolean.TRUE);
                callback.failed(exchange);
            }

            @Override
            public void couldNotResolveBackend(HttpServerExchange exchange) {
                exchange.putAttachment(ProxyFailures.UNREACHABLE, Boolean.TRUE);
                callback.couldNotResolveBackend(exchange);
            }

            @Override
            public void queuedRequestFailed(HttpServerExchange exchange) {
                exchange.putAttachment(ProxyFailures.UNREACHABLE, Boolean.TRUE);
                callback.queuedRequestFailed(exchange);
            }
        }, timeout, timeUnit);
    }
}
