package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 7: the demo stack ({@code profiles/demo.yaml}, written with {@code user: postgres}
 * and {@code owner: postgres}) booted unchanged by an unprivileged account: every service runs as
 * that account, muster says so once, PostgreSQL and initdb work, and SIGTERM stops it cleanly.
 * The account ({@value #USER}) is created with useradd when missing; muster is started through
 * {@code setpriv --reuid}, which execs in place.
 */
class NonRootIT {
    static final String USER = "muster-it";

    @TempDir
    Path dir;

    @Test
    void theDemoStackRunsUnchangedAsAnUnprivilegedUser() throws Exception {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "creating the test account and switching to it needs root");
        assumeTrue(Files.isExecutable(PostgresCluster.BIN.resolve("postgres")), "needs PostgreSQL 15; run scripts/install-deps");
        int[] ids = ensureUser();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setAttribute(home, "unix:uid", ids[0]);
        Files.setAttribute(home, "unix:gid", ids[1]);
        int[] ports = Fixtures.freePorts(4);
        Map<String, String> env = MusterRun.env(
                "HOME", home.toString(),
                "MUSTER_DEMO_DIR", home.resolve("stack").toString(),
                "DEMO_PG_PORT", String.valueOf(ports[0]),
                "DEMO_REDIS_PORT", String.valueOf(ports[1]),
                "DEMO_BACKEND_PORT", String.valueOf(ports[2]),
                "DEMO_FRONTEND_PORT", String.valueOf(ports[3]));
        List<String> asUser = List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--init-groups", "--");
        Path profile = Fixtures.root().resolve("profiles/demo.yaml");

        try (MusterRun run = MusterRun.startExecWrapped(asUser, Fixtures.root(), env, "up", "-p", profile.toString())) {
            run.awaitLine(line("muster") + "all required services ready in", Duration.ofSeconds(150));
            assertThat(run.stdout()).as(run.output("said once that user:/owner: are not applied"))
                    .filteredOn(l -> l.contains("not root: every service runs as this account")).hasSize(1)
                    .first().asString().contains("user:/owner: (postgres)");
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve("stack/pg/postmaster.pid")).get(0).strip());
            assertThat(uidOf(postmaster)).as(run.output("PostgreSQL runs as the unprivileged account")).isEqualTo(ids[0]);

            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(90))).as(run.output()).isEqualTo(143);
            assertThat(run.indexOf(line("postgres") + ".*database system is shut down"))
                    .as(run.output("PostgreSQL shut down cleanly")).isNotEqualTo(-1);
        }
    }

    /** The test account's uid and gid, after creating it if it does not exist. */
    private static int[] ensureUser() throws IOException, InterruptedException {
        if (run("id", "-u", USER).isEmpty()) {
            run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
        }
        return new int[] {Integer.parseInt(run("id", "-u", USER)), Integer.parseInt(run("id", "-g", USER))};
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return process.exitValue() == 0 ? out : "";
    }

    private static int uidOf(long pid) throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc", String.valueOf(pid)), "unix:uid");
    }
}
