package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine of the container ITs, through the docker CLI (so the tests check muster's
 * docker-java code with another client). Tests call {@link #assumeEngine()} first: without an
 * engine they are skipped with the reason; {@code .ci/run} starts one, so there they run.
 */
final class DockerHost {
    /** The local Debian base image (no registry here); {@code BASE_IMAGE} overrides it. */
    static final String BASE_IMAGE = System.getenv().getOrDefault("BASE_IMAGE", "local/debian:bookworm");
    /** The Redis image the ITs run, built once from {@code docker/redis} and cached by this tag. */
    static final String REDIS_IMAGE = "muster-test/redis:bookworm";

    private DockerHost() {
    }

    /** Skips the test unless {@code docker info} answers and the base image is present. */
    static void assumeEngine() {
        Result info = docker("info", "--format", "{{.ServerVersion}}");
        Assumptions.assumeTrue(info.code() == 0, "no Docker engine runs here (docker info: " + info.output().strip()
                + "); start one with scripts/docker-up, as .ci/run does");
        Assumptions.assumeTrue(docker("image", "inspect", BASE_IMAGE).code() == 0,
                "the base image " + BASE_IMAGE + " is missing; make it with scripts/base-image, as .ci/run does");
    }

    /** Builds the test Redis image unless it is there already. */
    static String redisImage() {
        if (docker("image", "inspect", REDIS_IMAGE).code() != 0) {
            Path context = Path.of(System.getProperty("muster.root"), "supervisor/src/test/resources/docker/redis");
            Result build = docker("build", "--build-arg", "BASE_IMAGE=" + BASE_IMAGE, "-t", REDIS_IMAGE, context.toString());
            assertThat(build.code()).as(build.output()).isZero();
        }
        return REDIS_IMAGE;
    }

    /** Names of the containers (running or not) labelled {@code dev.muster.stack=STACK}. */
    static List<String> containersOf(String stack) {
        return lines(docker("ps", "-a", "--filter", "label=dev.muster.stack=" + stack, "--format", "{{.Names}}"));
    }

    /** Names of the networks called exactly {@code name}. */
    static List<String> networks(String name) {
        return lines(docker("network", "ls", "--filter", "name=^" + name + "$", "--format", "{{.Name}}"));
    }

    /** Names of the volumes whose name starts with {@code prefix}. */
    static List<String> volumes(String prefix) {
        return lines(docker("volume", "ls", "--format", "{{.Name}}")).stream().filter(v -> v.startsWith(prefix)).toList();
    }

    private static List<String> lines(Result result) {
        assertThat(result.code()).as(result.output()).isZero();
        return result.output().lines().filter(line -> !line.isBlank()).toList();
    }

    record Result(int code, String output) {
    }

    static Result docker(String... args) {
        ProcessBuilder builder = new ProcessBuilder(concat(args)).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static List<String> concat(String... args) {
        java.util.ArrayList<String> argv = new java.util.ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        return argv;
    }
}
