package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 17: muster ends only what descends from its services. In a fresh PID namespace, an
 * entrypoint sends muster's output through a log reader it started before muster (the reader is a
 * child muster inherits); a service leaves an escaped daemon behind. On SIGTERM the daemon is ended
 * as an orphan, the log reader is not, so muster's last line reaches the log.
 */
class InheritedProcessesIT {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void leavesAnInheritedLogReaderAloneAndEndsOnlyTheServicesOrphans() throws IOException {
        List<String> namespace = List.of("unshare", "--pid", "--fork", "--mount-proc");
        assumeThat(canUnshare(namespace)).as("needs util-linux unshare and the right to make a PID namespace").isTrue();
        Path log = dir.resolve("muster.log");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: inherited
                control: { listen: "127.0.0.1:0" }
                services:
                  forker:
                    command: %s
                    ready: { log: "forked", timeout: 20s }
                """.formatted(sh("daemonize.sh", dir)));
        List<String> wrapper = new java.util.ArrayList<>(namespace);
        wrapper.addAll(List.of("bash", fixture("with-log-reader.sh").toString(), log.toString()));

        try (MusterRun run = MusterRun.upWrapped(wrapper, profile, Map.of())) {
            await("the stack ready, as the log says").atMost(BOOT)
                    .untilAsserted(() -> assertThat(log).content().contains("all required services ready in"));
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(40))).as(run.output()).isEqualTo(143);

            List<String> lines = Files.readAllLines(log);
            assertThat(lines).as("muster's log through the inherited reader:\n" + String.join("\n", lines))
                    .anyMatch(l -> l.matches(line("muster") + "ended 1 orphaned process\\(es\\).*"))
                    .last().asString().matches(line("muster") + "stopped cleanly after SIGTERM; exit 143");
            assertThat(dir.resolve("daemon.term")).as("the service's escaped daemon was ended by muster")
                    .content().isEqualToIgnoringNewLines("SIGTERM");
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(InheritedProcessesIT.class.getClassLoader().getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean canUnshare(List<String> wrapper) {
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.add("true");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
