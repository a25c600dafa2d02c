package dev.muster.it;

import static dev.muster.it.DockerHost.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.muster.it.DockerHost.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split demo stack (profiles/split.yaml) on a real Docker Swarm: {@code muster export
 * compose}'s stack.yaml deployed with {@code docker stack deploy}, every container the project's
 * image running {@code muster up --only NAME}. initdb runs once, PostgreSQL's data survives
 * {@code docker service update --force}, the frontend answers on its published (host-mode) port,
 * and {@code docker stack rm} stops PostgreSQL cleanly. The swarm is initialised here and left
 * at the end; a swarm that was already active is not touched (the test is skipped).
 */
class SwarmStackIT {
    private static final Duration DEPLOY = Duration.ofMinutes(5);
    private static final String PG = "55432";

    @TempDir
    Path dir;
    String stack;
    String image;
    boolean swarmStarted;

    @BeforeEach
    void setUp() {
        DockerHost.assumeEngine();
        String state = docker("info", "--format", "{{.Swarm.LocalNodeState}}").output().strip();
        Assumptions.assumeTrue("inactive".equals(state), "the engine's swarm is " + state + ": not ours to use or leave");
        stack = "mu" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        image = "muster-test/swarm:" + stack;
    }

    @AfterEach
    void tearDown() {
        if (stack == null) {
            return;
        }
        docker("stack", "rm", stack);
        await().atMost(Duration.ofMinutes(2)).until(() -> containers("label=com.docker.stack.namespace=" + stack).isEmpty());
        if (swarmStarted) {
            docker("swarm", "leave", "--force");
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            DockerHost.volumes(stack + "_").forEach(v -> docker("volume", "rm", v));
            return DockerHost.volumes(stack + "_").isEmpty();
        });
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> docker("image", "rm", image).code() == 0 || docker("image", "inspect", image).code() != 0);
    }

    @Test
    void runsTheSplitDemoOnSwarmKeepsPostgresDataAndStopsItCleanly() throws Exception {
        Path root = Path.of(System.getProperty("muster.root"));
        Result build = docker("build", "--build-arg", "BASE_IMAGE=" + DockerHost.BASE_IMAGE, "-t", image, root.toString());
        assertThat(build.code()).as(build.output()).isZero();
        Result init = docker("swarm", "init", "--advertise-addr", "127.0.0.1");
        assertThat(init.code()).as(init.output()).isZero();
        swarmStarted = true;
        int frontendPort = Fixtures.freePort();
        try (MusterRun export = MusterRun.start(root, java.util.Map.of(), "export", "compose", "-p", "profiles/split.yaml",
                "-o", dir.toString(), "--image", image, "--env", "MUSTER_DEMO_DIR=/data",
                "--env", "DEMO_FRONTEND_PORT=" + frontendPort)) {
            assertThat(export.awaitExit(Duration.ofMinutes(1))).as(export.output()).isZero();
        }
        Result deploy = docker("stack", "deploy", "-c", dir.resolve("stack.yaml").toString(), stack);
        assertThat(deploy.code()).as(deploy.output()).isZero();

        String first = awaitHealthy("postgres");
        assertThat(psql(first, "CREATE TABLE marker (v text); INSERT INTO marker VALUES ('kept'); SELECT v FROM marker;"))
                .contains("kept");
        assertThat(initdbRuns()).as("initdb ran on the first start, once; the service's tasks: %s", tasks("postgres"))
                .isEqualTo(1);

        frontendAnswers(frontendPort);

        Result update = docker("service", "update", "--force", "--detach=false", stack + "_postgres");
        assertThat(update.code()).as(update.output()).isZero();
        String second = awaitHealthy("postgres");
        assertThat(second).isNotEqualTo(first);
        assertThat(docker("logs", second).output()).as("no initdb on the second start")
                .contains("postgres-init | skipped").doesNotContain("postgres-init | completed")
                .as("the forced update stopped the old PostgreSQL cleanly: no recovery").contains("database system was shut down at");
        assertThat(psql(second, "SELECT v FROM marker;")).contains("kept");
        assertThat(initdbRuns()).as("initdb still ran once in every PostgreSQL container so far: %s", tasks("postgres"))
                .isEqualTo(1);

        CompletableFuture<String> logs = follow(second);
        Result rm = docker("stack", "rm", stack);
        assertThat(rm.code()).as(rm.output()).isZero();
        String last = logs.get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(last).as("PostgreSQL's clean shutdown under docker stack rm")
                .contains("database system is shut down").contains("postgres stopped: exited with code 0");
    }

    /** The frontend answers through its published host-mode port, which needs every container's externals up. */
    private static void frontendAnswers(int port) {
        HttpClient client = HttpClient.newHttpClient();
        await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        });
    }

    private String awaitHealthy(String service) {
        List<String> ids = new ArrayList<>();
        await().atMost(DEPLOY).pollInterval(Duration.ofSeconds(2)).until(() -> {
            ids.clear();
            ids.addAll(containers("label=com.docker.swarm.service.name=" + stack + "_" + service, "health=healthy"));
            return !ids.isEmpty();
        });
        return ids.get(0);
    }

    /**
     * How many of the PostgreSQL service's containers, running or not (Swarm keeps a task's
     * container after it ended), ran initdb: a container Swarm replaced counts too.
     */
    private int initdbRuns() {
        Result ps = docker("ps", "-a", "-q", "--filter", "label=com.docker.swarm.service.name=" + stack + "_postgres");
        return (int) ps.output().lines().filter(l -> !l.isBlank())
                .filter(id -> docker("logs", id).output().contains("postgres-init | completed")).count();
    }

    /** Each task of a service: its name, state and error, for a failure message. */
    private String tasks(String service) {
        return docker("service", "ps", "--no-trunc", "--format", "{{.Name}} {{.CurrentState}} {{.Error}}",
                stack + "_" + service).output();
    }

    /** The ids of the running containers that match every filter. */
    private static List<String> containers(String... filters) {
        List<String> argv = new ArrayList<>(List.of("ps", "-q"));
        for (String filter : filters) {
            argv.addAll(List.of("--filter", filter));
        }
        Result ps = docker(argv.toArray(String[]::new));
        return ps.output().lines().filter(l -> !l.isBlank()).toList();
    }

    private static String psql(String container, String sql) {
        Result result = docker("exec", "-u", "postgres", container, "/usr/lib/postgresql/15/bin/psql", "-h", "/data/run",
                "-p", PG, "-d", "postgres", "-tA", "-c", sql);
        assertThat(result.code()).as(result.output()).isZero();
        return result.output();
    }

    private static CompletableFuture<String> follow(String container) {
        try {
            Process process = new ProcessBuilder("docker", "logs", "-f", container).redirectErrorStream(true).start();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
