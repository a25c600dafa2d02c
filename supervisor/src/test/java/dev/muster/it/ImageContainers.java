package dev.muster.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The muster image built from the repository's Dockerfile (with the jar under test and the base
 * image of {@code $BASE_IMAGE}, default {@code local/debian:bookworm}), and the containers a test
 * runs from it. Everything it creates (containers, their volumes, named volumes, the image) is
 * removed by {@link #close()}: there is no ryuk here to do it.
 */
final class ImageContainers implements AutoCloseable {
    static final String DEFAULT_BASE_IMAGE = "local/debian:bookworm";
    /** Where the image's profile writes its dumps from ({@code BUCKET_DIR}). */
    static final String BUCKET = "/data/bucket";

    private final DockerClient docker = DockerClientFactory.instance().client();
    private final String image;
    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();

    private ImageContainers(String image) {
        this.image = image;
    }

    static String baseImage() {
        String base = System.getenv("BASE_IMAGE");
        return base == null || base.isBlank() ? DEFAULT_BASE_IMAGE : base;
    }

    /** Builds the image: the Dockerfile's context is assembled from the repository and {@code jar}. */
    static ImageContainers build(Path root, Path jar) {
        String name = "muster-it/image:" + UUID.randomUUID().toString().substring(0, 8);
        ImageFromDockerfile build = new ImageFromDockerfile(name, false)
                .withFileFromPath("Dockerfile", root.resolve("Dockerfile"))
                .withFileFromPath("entrypoint", root.resolve("entrypoint"))
                .withFileFromPath("demo", root.resolve("demo"))
                .withFileFromPath("profiles", root.resolve("profiles"))
                .withFileFromPath("target/muster.jar", jar)
                .withBuildArg("BASE_IMAGE", baseImage());
        return new ImageContainers(build.get());
    }

    String image() {
        return image;
    }

    /** A new named volume, removed by {@link #close()}. */
    String volume() {
        String name = "muster-it-" + UUID.randomUUID().toString().substring(0, 8);
        docker.createVolumeCmd().withName(name).exec();
        volumes.add(name);
        return name;
    }

    /**
     * Creates (does not start) a container of the image publishing {@code ports} on free host
     * ports, with {@code volume} (may be null) on /data, {@code env} and, unless empty, {@code cmd}.
     */
    String create(String volume, Map<String, String> env, List<Integer> ports, String... cmd) {
        return createAs(null, volume, env, ports, cmd);
    }

    /** Like {@link #create}, run as {@code user} ({@code docker run --user}; null is the image's default). */
    String createAs(String user, String volume, Map<String, String> env, List<Integer> ports, String... cmd) {
        return createWith(user, volume == null ? null : new Bind(volume, new Volume("/data")), env, ports, cmd);
    }

    /**
     * Like {@link #createAs}, with no data volume but the host directory {@code bucket} bind-mounted at
     * {@value #BUCKET} (the image's {@code BUCKET_DIR}): the container of a Space, whose only lasting
     * storage is a bucket mount.
     */
    String createWithBucket(String user, Path bucket, Map<String, String> env, List<Integer> ports) {
        return createWith(user, new Bind(bucket.toString(), new Volume(BUCKET)), env, ports);
    }

    private String createWith(String user, Bind bind, Map<String, String> env, List<Integer> ports, String... cmd) {
        HostConfig host = HostConfig.newHostConfig().withPortBindings(ports.stream()
                .map(port -> new PortBinding(Ports.Binding.empty(), ExposedPort.tcp(port))).toList());
        if (bind != null) {
            host.withBinds(bind);
        }
        var create = docker.createContainerCmd(image).withHostConfig(host).withLabels(Map.of("dev.muster.test", "image"))
                .withExposedPorts(ports.stream().map(ExposedPort::tcp).toList())
                .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (cmd.length > 0) {
            create.withCmd(cmd);
        }
        if (user != null) {
            create.withUser(user);
        }
        String id = create.exec().getId();
        containers.add(id);
        return id;
    }

    /** Copies one file into a created or running container. */
    void copy(String container, String directory, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(bytes.length);
            entry.setMode(0644);
            out.putArchiveEntry(entry);
            out.write(bytes);
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docker.copyArchiveToContainerCmd(container).withRemotePath(directory)
                .withTarInputStream(new ByteArrayInputStream(tar.toByteArray())).exec();
    }

    /** {@code docker exec CONTAINER ARGV...} as the container's user; returns its stdout, fails unless it exits 0. */
    String exec(String container, String... argv) {
        String id = docker.execCreateCmd(container).withCmd(argv).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        try {
            docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                    (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(text);
                }
            }).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long exit = docker.inspectExecCmd(id).exec().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new AssertionError("docker exec " + String.join(" ", argv) + " exited " + exit + ": " + stderr + stdout);
        }
        return stdout.toString();
    }

    void start(String container) {
        docker.startContainerCmd(container).exec();
    }

    /** {@code docker stop -t SECONDS}: SIGTERM to PID 1 (tini), SIGKILL after the timeout. */
    void stop(String container, Duration timeout) {
        docker.stopContainerCmd(container).withTimeout((int) timeout.toSeconds()).exec();
    }

    /** {@code docker kill -s SIGNAL}: the signal to PID 1 (tini), which forwards it to muster. */
    void kill(String container, String signal) {
        docker.killContainerCmd(container).withSignal(signal).exec();
    }

    /** Waits for the container to exit and returns its exit code. */
    int awaitExit(String container, Duration timeout) {
        return docker.waitContainerCmd(container).start().awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    InspectContainerResponse inspect(String container) {
        return docker.inspectContainerCmd(container).exec();
    }

    /** The host port that publishes the container's {@code port}. */
    int hostPort(String container, int port) {
        Ports.Binding[] bindings = inspect(container).getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(port));
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** Everything the container printed so far (stdout and stderr). */
    String logs(String container) {
        StringBuilder text = new StringBuilder();
        try {
            docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (String container : containers) {
            quietly(() -> docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec());
        }
        for (String volume : volumes) {
            quietly(() -> docker.removeVolumeCmd(volume).exec());
        }
        quietly(() -> docker.removeImageCmd(image).withForce(true).exec());
    }

    static List<String> lines(String logs) {
        return Arrays.asList(logs.split("\n"));
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.err.println("ImageContainers cleanup: " + e.getMessage());
        }
    }
}
