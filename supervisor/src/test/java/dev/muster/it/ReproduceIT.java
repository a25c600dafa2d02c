package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muster reproduce --restarts 2} against the project's own Dockerfile: the image under test
 * is built from a copy of the build context with the jar of this build, booted three times on one
 * named volume; every start is healthy, PostgreSQL never needs crash recovery, and a row written
 * at the first boot is read back after every restart; with {@code --ephemeral} every restart is a new
 * container with only a bucket directory mounted, and the row comes back from the on-stop dump.
 */
class ReproduceIT {
    /** Writes one random row once, then reads it: the same output after every restart means the data survived. */
    private static final String PROBE_SQL = "CREATE TABLE IF NOT EXISTS reproduce_marker(v text);"
            + " INSERT INTO reproduce_marker SELECT md5(random()::text) WHERE NOT EXISTS (SELECT 1 FROM reproduce_marker);"
            + " SELECT v FROM reproduce_marker";
    /** The image's profile runs PostgreSQL on port 55432 with its socket on local disk, local connections trusted. */
    private static final String PSQL = "postgresql:///postgres?host=/tmp/muster-demo/run&port=55432&user=postgres";

    @TempDir
    Path context;
    Path root;

    @BeforeEach
    void setUp() {
        DockerHost.assumeEngine();
        root = Path.of(System.getProperty("muster.root"));
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("Dockerfile")), "the project has no Dockerfile yet");
    }

    @Test
    void reproducesThreeHealthyBootsWithoutRecoveryAndWithTheData() {
        copyContext();
        String[] args = {"reproduce", "--context", context.toString(), "--restarts", "2",
            "--build-arg", "BASE_IMAGE=" + DockerHost.BASE_IMAGE, "--tag", "muster-test/reproduce:it",
            "--probe-sql", PROBE_SQL, "--psql", PSQL};

        try (MusterRun run = MusterRun.start(context, Map.of(), args)) {
            int exit = run.awaitExit(Duration.ofMinutes(15));
            String transcript = String.join("\n", run.stdout());
            assertThat(exit).as(run.output()).isZero();
            assertThat(run.stdout()).as(run.output("one report line per start, each with its boot time"))
                    .anyMatch(l -> l.matches(" +#1 +\\d+\\.\\d\\ds +200 +first boot +baseline \"[0-9a-f]{32}\""))
                    .anyMatch(l -> l.matches(" +#2 +\\d+\\.\\d\\ds +200 +clean shutdown +same as #1"))
                    .anyMatch(l -> l.matches(" +#3 +\\d+\\.\\d\\ds +200 +clean shutdown +same as #1"))
                    .contains("reproduce: PASSED: every start became healthy, without crash recovery, with its data");
            assertThat(transcript).as("the boot is streamed").contains("#1 | muster").contains("all required services ready in")
                    .doesNotContain("automatic recovery in progress");
        }
        assertThat(DockerHost.containersOf("reproduce")).as("containers left behind").isEmpty();
        assertThat(DockerHost.volumes("muster-reproduce-")).as("volumes left behind").isEmpty();
    }

    @Test
    void ephemeralRestartsAreNewContainersAndTheMarkerComesBackFromTheBucket() {
        copyContext();
        String[] args = {"reproduce", "--context", context.toString(), "--ephemeral", "--restarts", "2",
            "--build-arg", "BASE_IMAGE=" + DockerHost.BASE_IMAGE, "--tag", "muster-test/reproduce:it",
            "--probe-sql", PROBE_SQL, "--psql", PSQL};

        try (MusterRun run = MusterRun.start(context, Map.of(), args)) {
            int exit = run.awaitExit(Duration.ofMinutes(15));
            String transcript = String.join("\n", run.stdout());
            assertThat(exit).as(run.output()).isZero();
            assertThat(run.stdout()).as(run.output("three containers, the marker restored into the last two"))
                    .anyMatch(l -> l.matches(" +#1 +\\d+\\.\\d\\ds +200 +first boot +baseline \"[0-9a-f]{32}\""))
                    .anyMatch(l -> l.matches(" +#2 +\\d+\\.\\d\\ds +200 +fresh disk +same as #1"))
                    .anyMatch(l -> l.matches(" +#3 +\\d+\\.\\d\\ds +200 +fresh disk +same as #1"))
                    .anyMatch(l -> l.startsWith("reproduce: start #3 (after docker stop in ") && l.contains("then a new container muster-reproduce-"))
                    .contains("reproduce: PASSED: every start became healthy, without crash recovery, with its data");
            assertThat(transcript).as("each new container restores the dump of the one before")
                    .contains("#2 | postgres-init | started", "#3 | postgres-init | started")
                    .contains("#2 | schema        | restored postgres from db-", "#3 | schema        | restored postgres from db-")
                    .doesNotContain("#2 | schema        | applied", "#3 | schema        | applied");
        }
        assertThat(DockerHost.containersOf("reproduce")).as("containers left behind").isEmpty();
        assertThat(DockerHost.volumes("muster-reproduce-")).as("volumes left behind").isEmpty();
    }

    /** What the project's .dockerignore lets into the context, with this build's jar as target/muster.jar. */
    private void copyContext() {
        for (String name : List.of("Dockerfile", ".dockerignore", "entrypoint", "demo", "profiles")) {
            copy(root.resolve(name), context.resolve(name));
        }
        copy(MusterRun.jar(), context.resolve("target/muster.jar"));
    }

    private static void copy(Path from, Path to) {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
