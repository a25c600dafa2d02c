package dev.muster.it;

import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.probe.Probes;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.ProbeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The postgres and redis probes against a real PostgreSQL 15 and a real redis-server. */
class DatabaseProbesIT {
    private static final Duration ATTEMPT = Duration.ofSeconds(2);
    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    @TempDir
    static Path shared;
    static PostgresCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        cluster = PostgresCluster.start(shared);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static ProbeResult check(ProbeSpec spec) {
        try (Probe probe = new Probes(null).create(spec, null, null)) {
            return probe.check(ATTEMPT);
        }
    }

    private static ProbeResult postgres(String user, String password, String database, String sslmode) {
        return check(new ProbeSpec.Postgres(new DatabaseSpec("127.0.0.1", cluster.port(), user, password, database, sslmode)));
    }

    @Test
    void postgresProbeIsReadyWhenSelectOneSucceeds() {
        ProbeResult result = postgres("postgres", PostgresCluster.PASSWORD, "postgres", null);

        assertThat(result.ready()).as(result.detail()).isTrue();
        assertThat(result.detail()).isEqualTo("SELECT 1 answered on postgres@127.0.0.1:" + cluster.port() + "/postgres");
    }

    @Test
    void postgresProbeConnectsThroughTheUnixSocketDirectory() {
        String socketDir = cluster.socketDirectory().toString();
        ProbeResult result = check(new ProbeSpec.Postgres(new DatabaseSpec(socketDir, cluster.port(), "postgres", null,
                "postgres", null)));

        assertThat(result.ready()).as(result.detail()).isTrue();
        assertThat(result.detail()).contains(socketDir + "/.s.PGSQL." + cluster.port());
    }

    @Test
    void postgresProbeFailsAtOnceOnWhatWaitingCannotFix() {
        String at = "127.0.0.1:" + cluster.port();
        assertThat(postgres("postgres", "not-it", "postgres", null)).isEqualTo(ProbeResult.fatal(
                "authentication failed for user postgres on " + at + ": the password is wrong; set the right password"
                + " (password: or the URL's user:password@)"));
        assertThat(postgres("postgres", PostgresCluster.PASSWORD, "nope", null)).isEqualTo(ProbeResult.fatal(
                "database nope does not exist on " + at + "; create it (createdb nope, or the image's POSTGRES_DB) or"
                + " fix the database name"));
        ProbeResult noRole = postgres("ghost", "x", "postgres", null);
        assertThat(noRole.fatal()).isTrue();
        assertThat(noRole.detail()).startsWith("authentication failed for user ghost");
        ProbeResult noPassword = postgres("postgres", null, "postgres", null);
        assertThat(noPassword.fatal()).isTrue();
        assertThat(noPassword.detail()).contains("asks for a password and none is set");
        ProbeResult ssl = postgres("postgres", PostgresCluster.PASSWORD, "postgres", "require");
        assertThat(ssl.fatal()).isTrue();
        assertThat(ssl.detail()).contains("does not support SSL, but sslmode is require");
    }

    @Test
    void postgresProbeWaitsWhileThePortIsClosed() {
        int closed = Fixtures.freePort();
        ProbeResult result = check(new ProbeSpec.Postgres(new DatabaseSpec("127.0.0.1", closed, "postgres", null, "postgres", null)));

        assertThat(result).isEqualTo(ProbeResult.notYet("port closed: nothing accepts connections on 127.0.0.1:"
                + closed + " (connection refused)"));
    }

    @Test
    void aFatalProbeResultEndsTheBootAtOnceInsteadOfWaitingForTheTimeout() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                control: { listen: "127.0.0.1:0" }   # several musters may run at once
                services:
                  api:
                    command: %s
                    ready: { postgres: { port: %d, password: not-it-either }, timeout: 60s }
                """.formatted(sh("say-then-idle.sh", 0, "up"), cluster.port()));
        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            assertThat(run.awaitExit(Duration.ofSeconds(20))).as(run.output()).isEqualTo(1);
            run.awaitLine("FAILED api failed: its ready probe \\(postgres postgres@127.0.0.1:" + cluster.port()
                    + "/postgres\\) failed, and waiting cannot fix it: authentication failed for user postgres",
                    Duration.ofSeconds(1));
            assertThat(run.transcript()).doesNotContain("not-it-either");
        }
    }

    @Test
    void redisProbeSpeaksRespWithPasswordsAndAclUsers() throws Exception {
        assumeTrue(Files.isExecutable(REDIS), REDIS + " is missing; run scripts/install-deps");
        int port = Fixtures.freePort();
        Path conf = Files.writeString(dir.resolve("redis.conf"), """
                port %d
                bind 127.0.0.1
                save ""
                appendonly no
                requirepass rootpass
                user app on >apppass ~* &* +@all
                """.formatted(port));
        Process redis = new ProcessBuilder(REDIS.toString(), conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            ProbeSpec.Redis root = new ProbeSpec.Redis("127.0.0.1", port, null, "rootpass");
            await("redis-server answers PONG").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                    .until(() -> check(root).ready());

            assertThat(check(root)).isEqualTo(ProbeResult.ready("PONG from 127.0.0.1:" + port));
            assertThat(check(new ProbeSpec.Redis("127.0.0.1", port, "app", "apppass")).ready()).isTrue();
            assertThat(check(new ProbeSpec.Redis("127.0.0.1", port, null, null))).isEqualTo(ProbeResult.fatal(
                    "redis on 127.0.0.1:" + port + " requires a password (NOAUTH); add password: (and user: for an"
                    + " ACL user) to the redis probe"));
            assertThat(check(new ProbeSpec.Redis("127.0.0.1", port, "app", "nope"))).isEqualTo(ProbeResult.fatal(
                    "redis authentication failed for user app (WRONGPASS); set the right password (and user) in the"
                    + " redis probe"));
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
        ProbeResult gone = check(new ProbeSpec.Redis("127.0.0.1", port, null, null));
        assertThat(gone.ready()).isFalse();
        assertThat(gone.fatal()).isFalse();
        assertThat(gone.detail()).contains("connection refused");
    }

    @Test
    void redisProbeWaitsWhileRedisIsLoadingItsDataset() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread loading = new Thread(() -> answerOnce(server, "-LOADING Redis is loading the dataset in memory\r\n"));
            loading.start();
            ProbeResult result = check(new ProbeSpec.Redis("127.0.0.1", server.getLocalPort(), null, null));
            loading.join(TimeUnit.SECONDS.toMillis(5));

            assertThat(result).isEqualTo(ProbeResult.notYet("redis on 127.0.0.1:" + server.getLocalPort()
                    + " answered -LOADING Redis is loading the dataset in memory"));
        }
    }

    /** A stand-in for a Redis that is still loading: reads one command, answers {@code reply}. */
    private static void answerOnce(ServerSocket server, String reply) {
        try (Socket client = server.accept()) {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[64];
            in.read(buffer);
            OutputStream out = client.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
