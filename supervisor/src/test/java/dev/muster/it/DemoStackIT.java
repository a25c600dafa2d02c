package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo stack ({@code profiles/demo.yaml}: PostgreSQL 15, Redis, the Python backend and the
 * Node frontend) booted by the real jar on free ports in a fresh directory, checked end to end
 * through the frontend, and stopped with SIGTERM. Needs root and the packages
 * {@code scripts/install-deps} installs; skips with the reason where they are missing.
 */
class DemoStackIT {
    private static final Path POSTGRES = Path.of("/usr/lib/postgresql/15/bin/postgres");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path demoDir;

    @BeforeAll
    static void needsRootAndTheDemoPackages() throws IOException {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "the demo runs PostgreSQL as its own user, so muster must run as root");
        assumeTrue(Files.isExecutable(POSTGRES), POSTGRES + " is missing; run scripts/install-deps");
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is missing; run scripts/install-deps");
        assumeTrue(onPath("redis-server"), "redis-server is not on PATH; run scripts/install-deps");
        assumeTrue(onPath("node"), "node is not on PATH; run scripts/install-deps");
    }

    @Test
    void bootsTheDemoStackServesHealthAndShutsDownPostgresCleanly() throws Exception {
        Path profile = Fixtures.root().resolve("profiles/demo.yaml");
        assertThat(profile).as("the demo profile the README promises").exists();
        Files.setPosixFilePermissions(demoDir, PosixFilePermissions.fromString("rwxr-xr-x")); // postgres must enter it
        int[] ports = Fixtures.freePorts(4);
        Map<String, String> env = MusterRun.env(
                "MUSTER_DEMO_DIR", demoDir.resolve("stack").toString(),
                "DEMO_PG_PORT", String.valueOf(ports[0]),
                "DEMO_REDIS_PORT", String.valueOf(ports[1]),
                "DEMO_BACKEND_PORT", String.valueOf(ports[2]),
                "DEMO_FRONTEND_PORT", String.valueOf(ports[3]));

        try (MusterRun run = MusterRun.start(Fixtures.root(), env, "up", "-p", profile.toString())) {
            run.awaitLine(line("muster") + "all required services ready in", Duration.ofSeconds(150));
            HttpResponse<String> health = get("http://127.0.0.1:" + ports[3] + "/api/health");

            assertThat(health.statusCode()).as(run.output("GET /api/health through the frontend: " + health.body()))
                    .isEqualTo(200);
            assertThat(health.body()).as(run.output())
                    .containsPattern("\"status\":\\s*\"ok\"")
                    .containsPattern("\"postgres\":\\s*\"ok\"")
                    .containsPattern("\"redis\":\\s*\"ok\"");
            assertThat(run.stderr()).as(run.output()).noneMatch(l -> l.contains("FAILED") || l.contains("DEGRADED"));

            run.signal("TERM");
            int exit = run.awaitExit(Duration.ofSeconds(90));

            assertThat(exit).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + "stopped cleanly after SIGTERM; exit 143"));
            assertThat(postgresSaidItShutDown(run, demoDir))
                    .as(run.output("PostgreSQL logged \"database system is shut down\" (console or a log under "
                            + demoDir + ")"))
                    .isTrue();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean postgresSaidItShutDown(MusterRun run, Path dir) {
        String said = "database system is shut down";
        List<MusterRun.Line> lines = run.lines();
        int signalled = run.indexOf(Fixtures.line("muster") + "received SIGTERM");
        if (signalled >= 0 && lines.subList(signalled, lines.size()).stream().anyMatch(l -> l.text().contains(said))) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".log"))
                    .anyMatch(f -> contains(f, said));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
