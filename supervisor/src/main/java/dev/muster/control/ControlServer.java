package dev.muster.control;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server with the control plane's routes. {@code /health} is always open; every
 * other route goes through {@link BearerAuth}. Handlers run on a pool of daemon threads (event
 * streams hold one each).
 */
final class ControlServer {
    private final HttpServer server;
    private final ExecutorService executor;

    private ControlServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @param open    routes served without the token (path prefix to handler)
     * @param guarded routes that need it
     * @throws MusterException (exit 3) when the address cannot be bound
     */
    static ControlServer start(String host, int port, Map<String, HttpHandler> open, Map<String, HttpHandler> guarded,
                               BearerAuth auth) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "control.listen: cannot listen on " + host + ":" + port
                    + " (" + e.getMessage() + "); is another muster running? Stop it or set control.listen to a free port", e);
        }
        open.forEach(server::createContext);
        guarded.forEach((path, handler) -> {
            HttpContext context = server.createContext(path, handler);
            context.getFilters().add(auth);
        });
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "muster-control-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new ControlServer(server, executor);
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops accepting and closes every connection (event streams have been ended before). */
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
