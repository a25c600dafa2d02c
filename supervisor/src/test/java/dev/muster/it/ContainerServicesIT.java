package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services with {@code image:} run as Docker containers (docker-java) on a real engine: Redis from
 * a locally built image, with readiness through its published port, its logs under its own
 * prefix, a local process and a container that use it, and nothing left behind afterwards.
 */
class ContainerServicesIT {
    private static final Duration BOOT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    String stack;

    @BeforeEach
    void setUp() {
        DockerHost.assumeEngine();
        stack = "it" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    @Test
    void runsAContainerisedRedisThatALocalProcessAndAContainerUseThenRemovesEverything() {
        int port = Fixtures.freePort();
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: %s
                services:
                  redis:
                    image: ${REDIS_IMAGE}
                    ports: ["127.0.0.1:%d:6379"]
                    ready: { redis: { port: %d }, timeout: 30s }
                  client:
                    depends_on: [redis]
                    command: %s
                    ready: { log: "redis said \\\\+PONG", timeout: 20s }
                  neighbour:
                    depends_on: [redis]
                    image: ${REDIS_IMAGE}
                    command: [sh, -c, "redis-cli -h redis ping && exec sleep 600"]
                    ready: { log: "^PONG$", timeout: 20s }
                control: { listen: "127.0.0.1:0" }
                """.formatted(stack, port, port, Fixtures.yamlList(List.of("/bin/bash", fixture("redis-ping.sh"), String.valueOf(port)))));

        try (MusterRun run = MusterRun.up(profile, Map.of("REDIS_IMAGE", DockerHost.redisImage()))) {
            run.awaitLine(line("muster") + "all required services ready in", BOOT);
            // Redis's own log comes through the container's log stream, which nothing orders against the
            // probe that passed through the host port: it may still be on its way.
            run.awaitLine(line("redis") + ".*Ready to accept connections", BOOT);
            assertThat(run.stdout()).as(run.output("Redis's own log lines under its prefix, then the probe on the host port"))
                    .anyMatch(l -> l.matches(line("redis") + "ready in .*PONG from 127.0.0.1:" + port + ".*"))
                    .anyMatch(l -> l.matches(line("client") + "redis said \\+PONG"))
                    .anyMatch(l -> l.matches(line("neighbour") + "PONG"));
            assertThat(DockerHost.containersOf(stack)).as(run.output())
                    .containsExactlyInAnyOrder(stack + "-redis", stack + "-neighbour");
            assertThat(DockerHost.networks("muster-" + stack)).containsExactly("muster-" + stack);

            run.signal("TERM");
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output("the container was stopped like a process"))
                    .anyMatch(l -> l.matches(line("muster") + "redis stopped: .*"));
        }
        assertThat(DockerHost.containersOf(stack)).as("containers left after muster exited").isEmpty();
        assertThat(DockerHost.networks("muster-" + stack)).as("networks left after muster exited").isEmpty();
    }

    @Test
    void aMissingImageIsAPreflightErrorWithTheFix() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: %s
                services:
                  cache: { image: "muster-test/absent:none" }
                control: { listen: "127.0.0.1:0" }
                """.formatted(stack));

        for (String command : List.of("check", "up")) {
            try (MusterRun run = MusterRun.start(dir, Map.of(), command, "-p", profile.toString())) {
                assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(3);
                assertThat(String.join("\n", run.stderr())).as(run.output())
                        .contains("services.cache.image: image muster-test/absent:none is not present locally")
                        .contains("docker pull muster-test/absent:none")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
            }
        }
        assertThat(DockerHost.containersOf(stack)).isEmpty();
    }

    @Test
    void anUnreachableEngineIsAPreflightErrorThatSaysWhereItLooked() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: %s
                services:
                  cache: { image: "muster-test/redis:bookworm" }
                """.formatted(stack));

        try (MusterRun run = MusterRun.start(dir, Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock")),
                "check", "-p", profile.toString())) {
            assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(3);
            assertThat(String.join("\n", run.stderr())).as(run.output())
                    .contains("services.cache: the Docker engine at unix://" + dir.resolve("no-docker.sock") + " is not reachable")
                    .contains("point DOCKER_HOST at a running engine")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aTakenHostPortIsAPreflightErrorNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Path profile = Fixtures.profile(dir, """
                    version: 1
                    name: %s
                    services:
                      redis: { image: "${REDIS_IMAGE}", ports: ["127.0.0.1:%d:6379"] }
                    control: { listen: "127.0.0.1:0" }
                    """.formatted(stack, port));

            try (MusterRun run = MusterRun.start(dir, Map.of("REDIS_IMAGE", DockerHost.redisImage()), "up", "-p",
                    profile.toString())) {
                assertThat(run.awaitExit(BOOT)).as(run.output()).isEqualTo(3);
                assertThat(String.join("\n", run.stderr())).as(run.output())
                        .contains("services.redis.ports[0]: host port " + port + " is already in use")
                        .doesNotContain("\tat ");
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(DockerHost.containersOf(stack)).isEmpty());
    }

    private static String fixture(String name) {
        try {
            return Path.of(ContainerServicesIT.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
