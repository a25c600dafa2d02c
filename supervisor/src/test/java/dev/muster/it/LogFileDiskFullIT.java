package dev.muster.it;

import static dev.muster.it.Fixtures.line;
import static dev.muster.it.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's log: file on a real full disk (a 256 KiB tmpfs): reported once and in /status, recovered once space is back. */
class LogFileDiskFullIT {
    @TempDir
    Path dir;
    Path disk;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        mounted = mount.waitFor() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): "
                + new String(mount.getInputStream().readAllBytes()));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    @Test
    void aFullDiskIsReportedAndTheLogFileRecoversWhenSpaceIsFreed() throws Exception {
        Path filler = disk.resolve("filler");
        fill(filler);
        Path logFile = disk.resolve("chatty.log");
        Path profile = Fixtures.profile(dir, """
                version: 1
                name: diskfull
                control: { listen: "127.0.0.1:0" }
                services:
                  chatty:
                    command: %s
                    log: { file: %s }
                """.formatted(sh("count-forever.sh"), Fixtures.quote(logFile.toString())));

        try (MusterRun run = MusterRun.up(profile, Map.of())) {
            run.awaitStderr(line("muster") + "chatty: writing .*chatty.log failed \\(No space left on device\\)",
                    Duration.ofSeconds(30));
            run.awaitLine(line("chatty") + "line 60 ", Duration.ofSeconds(30));
            ControlHttp control = ControlHttp.of(run);
            JsonNode failing = chatty(control);
            assertThat(failing.path("state").asText()).as(run.output()).isEqualTo("READY");
            assertThat(failing.path("logFile").path("error").asText()).as(run.output()).isEqualTo("No space left on device");
            assertThat(failing.path("logFile").path("file").asText()).isEqualTo(logFile.toString());
            assertThat(failing.path("logFile").path("droppedBytes").asLong()).isPositive();
            Files.delete(filler);
            run.awaitStderr(line("muster") + "chatty: writing .*chatty.log works again; \\d+ bytes of output are missing",
                    Duration.ofSeconds(30));
            int after = lastLineNumber(run) + 20;   // written once the file works again, however late that was
            run.awaitLine(line("chatty") + "line " + after + " ", Duration.ofSeconds(30));
            assertThat(chatty(control).path("logFile").isNull()).as("gone from /status once the file works").isTrue();
            run.signal("TERM");
            assertThat(run.awaitExit(Duration.ofSeconds(20))).as(run.output()).isEqualTo(143);
            assertThat(run.stderr()).as(run.output()).filteredOn(l -> l.contains("No space left on device") && l.contains("failed"))
                    .hasSize(1);
            assertThat(Files.readAllLines(logFile)).as(run.output())
                    .anyMatch(l -> l.matches("muster: \\d+ bytes of output are missing here \\(No space left on device.*"))
                    .anyMatch(l -> l.startsWith("line " + after + " "));
        }
    }

    /** The number of the last "line N" the service printed so far, as the console shows it. */
    private static int lastLineNumber(MusterRun run) {
        java.util.regex.Pattern numbered = java.util.regex.Pattern.compile(".*chatty *\\| line (\\d+) .*");
        return run.stdout().stream().map(numbered::matcher).filter(java.util.regex.Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
    }

    private static JsonNode chatty(ControlHttp control) throws Exception {
        return new ObjectMapper().readTree(control.get("/status").body()).path("services").get(0);
    }

    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full now, as intended
        }
    }
}
