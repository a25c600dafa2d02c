package dev.muster.it;

import static dev.muster.it.DockerHost.docker;
import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.it.DockerHost.Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * profiles/local.yaml boots for real: PostgreSQL and Redis as Docker containers from images built
 * here from the local Debian base (POSTGRES_IMAGE, REDIS_IMAGE: nothing is pulled), the demo's
 * backend and frontend as local processes that reach them through the published ports. An
 * overlay gives the run its own name, volume, ports and control address, so it collides with
 * nothing else on the machine.
 */
class LocalProfileIT {
    static final String POSTGRES_IMAGE = "muster-test/postgres:bookworm";
    private static final Duration BOOT = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    String stack;

    @BeforeEach
    void setUp() {
        DockerHost.assumeEngine();
        stack = "local" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    @AfterEach
    void removeVolume() {
        DockerHost.volumes(stack + "-pgdata").forEach(v -> docker("volume", "rm", v));
    }

    @Test
    void bootsPostgresAndRedisContainersAndTheLocalAppThenStopsThemAll() throws Exception {
        Path root = Path.of(System.getProperty("muster.root"));
        int[] ports = Fixtures.freePorts(4);
        Path overlay = Files.writeString(dir.resolve("overlay.yaml"), """
                version: 1
                name: %s
                services:
                  postgres:
                    volumes: ["%s-pgdata:/var/lib/postgresql/data"]
                control: { listen: "127.0.0.1:0" }
                """.formatted(stack, stack));
        Map<String, String> env = Map.of("POSTGRES_IMAGE", postgresImage(root), "REDIS_IMAGE", DockerHost.redisImage(),
                "LOCAL_PG_PORT", String.valueOf(ports[0]), "LOCAL_REDIS_PORT", String.valueOf(ports[1]),
                "DEMO_BACKEND_PORT", String.valueOf(ports[2]), "DEMO_FRONTEND_PORT", String.valueOf(ports[3]),
                "MUSTER_LOCAL_DIR", dir.resolve("state").toString());

        try (MusterRun run = MusterRun.start(root, env, "up", "-p", "profiles/local.yaml", "-p", overlay.toString())) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            assertThat(DockerHost.containersOf(stack)).as(run.output())
                    .containsExactlyInAnyOrder(stack + "-postgres", stack + "-redis");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports[3] + "/api/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"postgres\": \"ok\"").contains("\"redis\": \"ok\"");

            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output("PostgreSQL's own clean shutdown, in its container"))
                    .anyMatch(l -> l.matches(line("postgres") + ".*database system is shut down.*"));
        }
        assertThat(DockerHost.containersOf(stack)).as("containers left after muster exited").isEmpty();
    }

    /** Builds the test PostgreSQL image unless it is there already. */
    static String postgresImage(Path root) {
        if (docker("image", "inspect", POSTGRES_IMAGE).code() != 0) {
            Path context = root.resolve("supervisor/src/test/resources/docker/postgres");
            Result build = docker("build", "--build-arg", "BASE_IMAGE=" + DockerHost.BASE_IMAGE, "-t", POSTGRES_IMAGE,
                    context.toString());
            assertThat(build.code()).as(build.output()).isZero();
        }
        return POSTGRES_IMAGE;
    }
}
