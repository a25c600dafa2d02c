package dev.muster.control;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.threads.Daemons;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.xnio.Options;

/**
 * The one HTTP server of the control port (Undertow): muster's own endpoints, and with
 * {@code control.app} the reverse proxy to the app, both routed by {@link PortRouter}. One I/O
 * thread (and XNIO's acceptor) carries every connection and the proxy, non-blocking; muster's own
 * handlers block on a pool of daemon threads that exist only while requests do (event streams hold
 * one each). Request headers are limited to {@value #MAX_HEADER_BYTES}
 * bytes, bodies are not limited (the app decides; Undertow's default would be 2 MB); an idle
 * keep-alive connection is closed after {@value #IDLE_MS} ms. {@link #stop()} lets requests in
 * flight finish for up to {@value #DRAIN_MS} ms.
 */
final class ControlServer {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int IDLE_MS = 120_000;
    static final int PARSE_MS = 30_000;
    static final int BUFFER_BYTES = 16 * 1024;
    static final long DRAIN_MS = 2000;
    static final long HANDLER_IDLE_SECONDS = 5;

    private final Undertow server;
    private final GracefulShutdownHandler drain;
    private final ExecutorService executor;

    private ControlServer(Undertow server, GracefulShutdownHandler drain, ExecutorService executor) {
        this.server = server;
        this.drain = drain;
        this.executor = executor;
    }

    /**
     * Sends Undertow's and XNIO's own logging (jboss-logging) to SLF4J, which muster binds to nothing:
     * their start banners and per-request proxy errors would otherwise go to stderr through
     * java.util.logging; what matters reaches the client as a 502/504 page. Must run before any
     * Undertow class is loaded.
     */
    static void quietLibraryLogs() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    /**
     * A pool of daemon threads for blocking handlers, one per request in flight; a thread left idle for
     * {@value #HANDLER_IDLE_SECONDS} s ends, so an idle stack keeps none.
     */
    static ExecutorService handlerThreads() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, HANDLER_IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Daemons.numbered("muster-control-"));
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @throws MusterException (exit 3) when the address cannot be bound
     */
    static ControlServer start(String host, int port, PortRouter router, ExecutorService executor) {
        GracefulShutdownHandler drain = Handlers.gracefulShutdown(router);
        Undertow server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setBufferSize(BUFFER_BYTES)
                .setDirectBuffers(true)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_MS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, PARSE_MS)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                .setSocketOption(Options.BACKLOG, 128)
                .setWorkerOption(Options.THREAD_DAEMON, true)
                .setHandler(drain)
                .build();
        try {
            NoPlatformMBeans.during(() -> {
                server.start();
                return server;
            });
        } catch (RuntimeException e) {
            executor.shutdownNow();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MusterException(ExitCodes.PREFLIGHT_FAILED, "control.listen: cannot listen on " + host + ":" + port
                    + " (" + cause.getMessage() + "); is another muster running? Stop it or set control.listen to a free port", e);
        }
        return new ControlServer(server, drain, executor);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    /**
     * Refuses new requests (503), waits up to {@value #DRAIN_MS} ms for those in flight (a
     * {@code /down} answer, a proxied response), then closes every connection. muster's event streams
     * have been ended before.
     */
    void stop() {
        drain.shutdown();
        try {
            drain.awaitShutdown(DRAIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        executor.shutdownNow();
    }
}
