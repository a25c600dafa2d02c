package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PID 1 duties with real double-forking daemons: orphans are adopted and reaped, so no zombie
 * remains, and daemons that escaped their service's process group are ended at shutdown. Once
 * with muster as PID 1 of a fresh PID namespace, once as a plain process (a child subreaper).
 */
class OrphanReapingIT {
    private static final Duration BOOT = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final List<String> FRESH_PID_NAMESPACE = List.of("unshare", "--pid", "--fork", "--mount-proc");

    @TempDir
    Path dir;

    @Test
    void reapsADoubleForkedOrphanWhenRunningAsPid1() {
        assumeThat(canRun(FRESH_PID_NAMESPACE)).as("muster as PID 1 needs util-linux unshare and the right to make a"
                + " PID namespace (root); `" + String.join(" ", FRESH_PID_NAMESPACE) + " true` failed here").isTrue();
        Path profile = forkerProfile();

        try (MusterRun run = MusterRun.upWrapped(FRESH_PID_NAMESPACE, profile, Map.of())) {
            run.awaitLine(line("forker") + "ready in", BOOT);
            long muster = run.musterPid();
            assertThat(namespacePid(muster)).as(run.output("muster is PID 1 of its namespace")).isEqualTo(1);

            long orphan = Fixtures.pidIn(dir.resolve("short.pid"));
            run.awaitLine(line("muster") + "reaped orphan process " + orphan + " \\(exited with code 4\\)$", BOOT);
            await("no zombie among muster's children").atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(Fixtures.zombieChildrenOf(muster)).as(run.output()).isEmpty());

            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output("the escaped daemon is ended"))
                    .anyMatch(l -> l.matches(line("muster") + "ended 1 orphaned process\\(es\\).*"));
            assertThat(dir.resolve("daemon.term")).as(run.output("muster sent it SIGTERM (not the namespace's end)"))
                    .content().isEqualToIgnoringNewLines("SIGTERM");
        }
    }

    @Test
    void reapsOrphansAndEndsEscapedDaemonsAsAChildSubreaper() {
        Path profile = forkerProfile();

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("forker") + "ready in", BOOT);
            long orphan = Fixtures.pidIn(dir.resolve("short.pid"));
            long daemon = Fixtures.pidIn(dir.resolve("daemon.pid"));

            run.awaitLine(line("muster") + "reaped orphan process " + orphan + " \\(exited with code 4\\)$", BOOT);
            await("no zombie among muster's children").atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(Fixtures.zombieChildrenOf(run.pid())).as(run.output()).isEmpty());
            assertThat(Fixtures.alive(daemon)).as(run.output("the daemon runs in its own session")).isTrue();

            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);
            assertThat(run.stdout()).as(run.output())
                    .anyMatch(l -> l.matches(line("muster") + "ended 1 orphaned process\\(es\\).*"));
            assertThat(dir.resolve("daemon.term")).as(run.output()).content().isEqualToIgnoringNewLines("SIGTERM");
            await("the daemon gone").atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(Fixtures.alive(daemon)).as(run.output()).isFalse());
        }
    }

    @Test
    void sigkillsADaemonDeafToSigtermAndTheChildItLeavesBehind() {
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: deaf
                services:
                  forker:
                    command: %s
                    ready: { log: "forked", timeout: 20s }
                """.formatted(sh("daemonize-deaf.sh", dir)));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitLine(line("forker") + "ready in", BOOT);
            long daemon = Fixtures.pidIn(dir.resolve("deaf.pid"));
            long child = Fixtures.pidIn(dir.resolve("deaf-child.pid"));

            run.signal("TERM");
            assertThat(run.awaitExit(STOP)).as(run.output()).isEqualTo(143);

            assertThat(Fixtures.alive(daemon)).as(run.output("the deaf daemon is SIGKILLed")).isFalse();
            assertThat(Fixtures.alive(child)).as(run.output("and so is the child it left, re-parented to muster as it died"))
                    .isFalse();
            assertThat(run.stdout()).as(run.output("both reaped before muster's last line"))
                    .anyMatch(l -> l.matches(line("muster") + "reaped orphan process " + daemon + " \\(killed by SIGKILL\\)"))
                    .anyMatch(l -> l.matches(line("muster") + "reaped orphan process " + child + " \\(killed by SIGKILL\\)"))
                    .last().asString().matches(line("muster") + "stopped cleanly after SIGTERM; exit 143");
        }
    }

    private Path forkerProfile() {
        return Fixtures.profile(dir, """
                version: 1
                name: forker
                services:
                  forker:
                    command: %s
                    ready: { log: "forked", timeout: 20s }
                """.formatted(sh("daemonize.sh", dir)));
    }

    /** The pid of {@code hostPid} inside its own PID namespace (the last NSpid field). */
    private static long namespacePid(long hostPid) {
        try {
            String nspid = Files.readAllLines(Path.of("/proc", String.valueOf(hostPid), "status")).stream()
                    .filter(l -> l.startsWith("NSpid:")).findFirst().orElseThrow();
            String[] fields = Pattern.compile("\\s+").split(nspid.trim());
            return Long.parseLong(fields[fields.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canRun(List<String> wrapper) {
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.add("true");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
