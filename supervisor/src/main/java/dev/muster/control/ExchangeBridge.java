package dev.muster.control;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Presents an Undertow exchange, in blocking mode on a worker thread, as the JDK's
 * {@link HttpExchange}, so that muster's own handlers (written against {@code com.sun.net.httpserver})
 * run unchanged on the one server of the control port. The request URI is the one the handler
 * expects: without the {@code /_muster} prefix when muster fronts an app ({@link #PREFIX} holds it).
 */
final class ExchangeBridge extends HttpExchange {
    /** The attribute naming the prefix muster's endpoints are under ("" or "/_muster"). */
    static final String PREFIX = "muster.prefix";

    private final HttpServerExchange exchange;
    private final URI uri;
    private final com.sun.net.httpserver.Headers requestHeaders = new com.sun.net.httpserver.Headers();
    private final com.sun.net.httpserver.Headers responseHeaders = new com.sun.net.httpserver.Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream in;
    private OutputStream out;
    private int status = -1;

    /** @param exchange an exchange on which {@code startBlocking()} was called */
    ExchangeBridge(HttpServerExchange exchange, String prefix) {
        this.exchange = exchange;
        String path = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int slash = path.indexOf('/', path.indexOf("//") + 2);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        String inner = path.substring(Math.min(prefix.length(), path.length()));
        String query = exchange.getQueryString();
        this.uri = URI.create((inner.isEmpty() ? "/" : inner) + (query == null || query.isEmpty() ? "" : "?" + query));
        for (HeaderValues values : exchange.getRequestHeaders()) {
            requestHeaders.put(values.getHeaderName().toString(), List.copyOf(values));
        }
        attributes.put(PREFIX, prefix);
        this.in = exchange.getInputStream();
    }

    @Override
    public com.sun.net.httpserver.Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public com.sun.net.httpserver.Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("muster's handlers do not use HTTP contexts");
    }

    @Override
    public void close() {
        try {
            if (status < 0) {
                sendResponseHeaders(500, -1);
            }
            getResponseBody().close();
        } catch (IOException e) {
            org.xnio.IoUtils.safeClose(exchange.getConnection());
        }
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        if (out == null) {
            out = exchange.getOutputStream();
        }
        return out;
    }

    /** As the JDK's: {@code length} -1 means no body, 0 a body of unknown length (chunked). */
    @Override
    public void sendResponseHeaders(int code, long length) {
        if (status >= 0) {
            throw new IllegalStateException("response headers already sent");
        }
        status = code;
        exchange.setStatusCode(code);
        responseHeaders.forEach((name, values) -> exchange.getResponseHeaders().putAll(new HttpString(name), values));
        if (length > 0) {
            exchange.setResponseContentLength(length);
        } else if (length < 0) {
            exchange.setResponseContentLength(0);
        }
        if (length != 0) {
            return;
        }
        exchange.getResponseHeaders().remove(Headers.CONTENT_LENGTH);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getSourceAddress();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getDestinationAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol().toString();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            in = i;
        }
        if (o != null) {
            out = o;
        }
    }

    @Override
    public com.sun.net.httpserver.HttpPrincipal getPrincipal() {
        return null;
    }
}
