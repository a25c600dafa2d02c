package dev.muster.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.probe.Probes;
import dev.muster.profile.DatabaseSpec;
import dev.muster.profile.ProbeSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The postgres probe's accepting mode and the redis probe's URL form, against real servers. */
class ProbeModesIT {
    private static final Duration ATTEMPT = Duration.ofSeconds(2);
    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    @TempDir
    Path dir;

    private static ProbeResult check(ProbeSpec spec) {
        try (Probe probe = new Probes(null).create(spec, null, null)) {
            return probe.check(ATTEMPT);
        }
    }

    private static ProbeSpec.Postgres accepting(String host, int port) {
        return new ProbeSpec.Postgres(new DatabaseSpec(host, port, "no_such_role", null, "no_such_db", null), true);
    }

    @Test
    void acceptingModeNeedsNeitherTheRoleNorTheDatabase() {
        assumeTrue(PostgresCluster.available(), "needs PostgreSQL 15 in " + PostgresCluster.BIN + " and root");
        int port;
        try (PostgresCluster cluster = PostgresCluster.start(dir)) {
            port = cluster.port();
            ProbeResult tcp = check(accepting("127.0.0.1", port));
            ProbeResult socket = check(accepting(cluster.socketDirectory().toString(), port));

            assertThat(tcp).isEqualTo(ProbeResult.ready("PostgreSQL on 127.0.0.1:" + port + " accepts connections"));
            assertThat(socket).isEqualTo(ProbeResult.ready("PostgreSQL on " + cluster.socketDirectory() + "/.s.PGSQL."
                    + port + " accepts connections"));
        }
        ProbeResult stopped = check(accepting("127.0.0.1", port));
        assertThat(stopped.ready()).isFalse();
        assertThat(stopped.fatal()).isFalse();
        assertThat(stopped.detail()).contains("connection refused");
    }

    @Test
    void aServerThatIsStartingUpIsNotAcceptingYet() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread answer = new Thread(() -> answerOnce(server, "57P03", "the database system is starting up"));
            answer.start();
            ProbeResult result = check(accepting("127.0.0.1", server.getLocalPort()));
            answer.join(TimeUnit.SECONDS.toMillis(5));

            assertThat(result).isEqualTo(ProbeResult.notYet("PostgreSQL on 127.0.0.1:" + server.getLocalPort()
                    + " is not accepting connections yet: the database system is starting up"));
        }
    }

    @Test
    void anErrorOtherThanStartingUpMeansAccepting() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread answer = new Thread(() -> answerOnce(server, "3D000", "database \"no_such_db\" does not exist"));
            answer.start();
            ProbeResult result = check(accepting("127.0.0.1", server.getLocalPort()));
            answer.join(TimeUnit.SECONDS.toMillis(5));

            assertThat(result).isEqualTo(ProbeResult.ready("PostgreSQL on 127.0.0.1:" + server.getLocalPort()
                    + " accepts connections (it answered: database \"no_such_db\" does not exist)"));
        }
    }

    @Test
    void redisProbeFromAUrlAuthenticatesAndSelectsTheDatabase() throws Exception {
        assumeTrue(Files.isExecutable(REDIS), "needs " + REDIS);
        int port = Fixtures.freePort();
        Path conf = Files.writeString(dir.resolve("redis.conf"), "port " + port + "\nbind 127.0.0.1\nsave \"\"\n"
                + "appendonly no\ndatabases 4\nrequirepass url-pass-1\ndir " + dir + "\n");
        Process redis = new ProcessBuilder(REDIS.toString(), conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            ProbeSpec good = new ProbeSpec.Redis("127.0.0.1", port, null, "url-pass-1", 3);
            await("redis-server answers").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                    .until(() -> check(good).ready());

            ProbeResult missing = check(new ProbeSpec.Redis("127.0.0.1", port, null, "url-pass-1", 9));
            assertThat(missing.fatal()).isTrue();
            assertThat(missing.detail()).startsWith("redis on 127.0.0.1:" + port + " has no database 9 (ERR")
                    .doesNotContain("url-pass-1");
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A stand-in for a PostgreSQL that is starting up: reads the startup packet, answers an ErrorResponse. */
    private static void answerOnce(ServerSocket server, String state, String message) {
        try (Socket client = server.accept()) {
            client.getInputStream().read(new byte[256]);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String field : new String[] {"SFATAL", "C" + state, "M" + message}) {
                body.write(field.getBytes(StandardCharsets.UTF_8));
                body.write(0);
            }
            body.write(0);
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            out.write('E');
            out.writeInt(4 + body.size());
            out.write(body.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
