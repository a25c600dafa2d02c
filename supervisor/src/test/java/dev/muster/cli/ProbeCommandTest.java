package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void passesWhenTheTcpPortAcceptsAndFailsWhenNothingListens() throws IOException {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path profile = profile("""
                    services:
                      db: { command: [/bin/true], ready: { tcp: { port: %d } } }
                      cache: { command: [/bin/true], ready: { tcp: { port: %d } } }
                    """.formatted(listener.getLocalPort(), closed));

            assertThat(run("probe", "db", "-p", profile.toString())).isZero();
            assertThat(out()).isEqualTo("db ready: passed (tcp 127.0.0.1:" + listener.getLocalPort()
                    + ": accepted a connection on 127.0.0.1:" + listener.getLocalPort() + ")\n");
            out.reset();
            assertThat(run("probe", "cache", "-p", profile.toString())).isEqualTo(1);
            assertThat(out()).startsWith("cache ready: not passed (tcp 127.0.0.1:" + closed).doesNotContain("\n\n");
        }
    }

    @Test
    void runsTheLiveProbeWithLiveAndTheReadyOneWithout() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/ready", exchange -> exchange.sendResponseHeaders(503, -1));
        server.createContext("/live", exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path profile = profile("""
                services:
                  api:
                    command: [/bin/true]
                    ready: { http: { url: "%s/ready", status: 200 } }
                    live: { http: { url: "%s/live" } }
                """.formatted(base, base));

        assertThat(run("probe", "api", "-p", profile.toString())).isEqualTo(1);
        assertThat(out()).contains("api ready: not passed").contains("HTTP 503");
        out.reset();
        assertThat(run("probe", "api", "--live", "-p", profile.toString())).isZero();
        assertThat(out()).contains("api live: passed").contains("HTTP 200");
    }

    @Test
    void runsAnExecProbeInTheServiceEnvironment() throws IOException {
        Path profile = profile("""
                env: { WANTED: "yes" }
                services:
                  job:
                    command: [/bin/true]
                    ready: { exec: [/bin/sh, -c, 'test "$WANTED" = yes'] }
                """);

        assertThat(run("probe", "job", "-p", profile.toString())).isZero();
        assertThat(out()).isEqualTo("job ready: passed (exec /bin/sh -c test \"$WANTED\" = yes: exit code 0)\n");
    }

    @Test
    void anUnknownServiceOrAMissingProbeIsExitTwo() throws IOException {
        Path profile = profile("""
                services:
                  web: { command: [/bin/true] }
                """);

        assertThat(run("probe", "api", "-p", profile.toString())).isEqualTo(2);
        assertThat(err()).contains("no service api in").contains("name one of: web");
        assertThat(run("probe", "web", "--live", "-p", profile.toString())).isEqualTo(2);
        assertThat(err()).contains("web has no live: probe");
    }

    @Test
    void remoteAimsTheProbeAtTheServicesHost() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path profile = profile("""
                    services:
                      db: { command: [/bin/true], ready: { tcp: { host: 192.0.2.1, port: %d } } }
                    """.formatted(listener.getLocalPort()));

            int exit = Main.run(print(out), print(err), Map.of("MUSTER_HOST_DB", "127.0.0.1"),
                    "probe", "db", "--remote", "-p", profile.toString());

            assertThat(exit).isZero();
            assertThat(out()).contains("db ready: passed (tcp 127.0.0.1:" + listener.getLocalPort());
        }
    }

    @Test
    void waitRepeatsUntilTheReadyTimeoutThenReportsTheLastAttempt() throws IOException {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path profile = profile("""
                    services:
                      db: { command: [/bin/true], ready: { tcp: { port: %d }, timeout: 1s, interval: 100ms } }
                      up: { command: [/bin/true], ready: { tcp: { port: %d }, timeout: 1s } }
                    """.formatted(closed, listener.getLocalPort()));

            long started = System.nanoTime();
            assertThat(run("probe", "db", "--wait", "-p", profile.toString())).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(out()).startsWith("db ready: not passed (tcp 127.0.0.1:" + closed + ": not passed within 1s;"
                    + " last attempt: connection refused");
            out.reset();
            assertThat(run("probe", "up", "--wait", "-p", profile.toString())).isZero();
            assertThat(out()).startsWith("up ready: passed");
        }
    }

    private Path profile(String services) throws IOException {
        return Files.writeString(dir.resolve("p.yaml"), "version: 1\n" + services);
    }

    private int run(String... args) {
        return Main.run(print(out), print(err), Map.of("PATH", "/usr/bin:/bin"), args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
