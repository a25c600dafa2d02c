package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shim's cached class-data archive: made once per jar in the background, used afterwards,
 * never used for a changed jar, never made with the user's own JAVA_OPTS, and two concurrent
 * first runs leave one whole archive; {@code MUSTER_CDS=build} (the image build) makes one next to
 * the jar that holds picocli's and the profile loader's classes. Runs the real {@code entrypoint} on
 * a copy of the jar.
 */
class EntrypointCdsIT {
    private static final Duration TRAINING = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Path jar;
    private Path cache;

    @BeforeEach
    void copyJar() throws IOException {
        jar = Files.copy(MusterRun.jar(), dir.resolve("muster.jar"));
        cache = dir.resolve("cache");
    }

    @Test
    void firstRunMakesAnArchiveThatTheNextRunMaps() {
        assertThat(shim(Map.of(), "--version").output).contains("muster ");

        Path archive = awaitOneArchive();
        Result second = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version");

        assertThat(second.output).contains("Opened archive " + archive);
        assertThat(second.exit).isZero();
    }

    @Test
    void aChangedJarGetsANewArchiveAndTheOldOneIsRemoved() throws IOException {
        shim(Map.of(), "--version");
        Path first = awaitOneArchive();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Result changed = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version");

        assertThat(changed.output).doesNotContain("Opened archive " + first);
        await().atMost(TRAINING).until(() -> archives().size() == 1 && !archives().contains(first) && temporaries().isEmpty());
        assertThat(shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version").output)
                .contains("Opened archive " + archives().get(0));
    }

    @Test
    void ownJavaOptsNeitherMakeNorUseACachedArchive() {
        Result run = shim(Map.of("JAVA_OPTS", "-XX:+UseSerialGC"), "--version");

        assertThat(run.exit).isZero();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(cache));
    }

    @Test
    void twoConcurrentFirstRunsLeaveOneWholeArchive() {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(start(Map.of(), "--version"));
        }
        runs.forEach(EntrypointCdsIT::waitFor);

        await().atMost(TRAINING).until(() -> archives().size() == 1 && temporaries().isEmpty()
                && noTrainerProfiles());
        Result next = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "check", "-p", profile().toString());

        assertThat(next.output).contains("Opened archive " + archives().get(0));
        assertThat(next.exit).isZero();
    }

    @Test
    void buildModeMakesTheArchiveNextToTheJarInTheForegroundAndLaterRunsMapIt() {
        Result build = shim(Map.of("MUSTER_CDS", "build", "TMPDIR", dir.toString()));
        Path archive = dir.resolve("muster.jsa");

        assertThat(build.exit).as(build.output).isZero();
        assertThat(archive).isNotEmptyFile();
        assertThat(dir.resolve("muster.jna/libjnidispatch.so")).as("JNA's library, kept with the archive").isNotEmptyFile();
        assertThat(dir.toFile().list((parent, name) -> name.startsWith("muster-cds."))).as("training leftovers").isEmpty();
        Result check = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds,class+load"), "check", "-p", profile().toString());
        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("Opened archive " + archive)
                .contains("picocli.CommandLine source: shared objects file")
                .contains("dev.muster.profile.ProfileLoader source: shared objects file");
        assertThat(cache).doesNotExist();
    }

    @Test
    void aJarRebuiltAfterTheBuildModeArchiveIsNotHeldToItButGetsACachedOne() throws IOException {
        assertThat(shim(Map.of("MUSTER_CDS", "build", "TMPDIR", dir.toString())).exit).isZero();
        Path stale = dir.resolve("muster.jsa");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(stale).toMillis() + 60_000));

        Result rebuilt = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version");

        assertThat(rebuilt.exit).isZero();
        assertThat(rebuilt.output).as("the JVM would refuse it and run with no archive at all")
                .doesNotContain("Opened archive " + stale);
        Path cached = awaitOneArchive();
        assertThat(shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version").output).contains("Opened archive " + cached);
    }

    @Test
    void aJarWhoseMtimeIsInTheFutureKeepsItsBuildModeArchive() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));   // a clock ahead
        assertThat(shim(Map.of("MUSTER_CDS", "build", "TMPDIR", dir.toString())).exit).isZero();

        Result run = shim(Map.of("JDK_JAVA_OPTIONS", "-Xlog:cds"), "--version");

        assertThat(run.output).as("the archive is older than the jar, but made for it")
                .contains("Opened archive " + dir.resolve("muster.jsa"));
        assertThat(cache).doesNotExist();
    }

    private Path awaitOneArchive() {
        await().atMost(TRAINING).until(() -> archives().size() == 1 && temporaries().isEmpty());
        return archives().get(0);
    }

    private List<Path> archives() {
        return list("*.jsa");
    }

    private List<Path> temporaries() {
        return list("*.tmp");
    }

    private boolean noTrainerProfiles() {
        return list(".train-*").isEmpty();
    }

    private List<Path> list(String glob) {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(cache, glob)) {
            stream.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private Path profile() {
        return Fixtures.profile(dir, """
                version: 1
                name: cds-check
                services:
                  web: { command: [/bin/sleep, "1"] }
                """);
    }

    private record Result(int exit, String output) {
    }

    private Result shim(Map<String, String> env, String... args) {
        Process process = start(env, args);
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(waitFor(process), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Fixtures.root().resolve("entrypoint").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("MUSTER_JAR", jar.toString());
        builder.environment().put("MUSTER_CDS_DIR", cache.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the shim did not finish within 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
