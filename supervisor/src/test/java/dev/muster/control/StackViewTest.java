package dev.muster.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.logs.FileProblem;
import dev.muster.profile.Kind;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import dev.muster.secret.Redactor;
import dev.muster.secret.SecretStore;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /status}, the boot record and {@code muster status} say about a service's failing log file. */
class StackViewTest {
    private static final Instant SINCE = Instant.parse("2026-12-01T10:00:05Z");

    @TempDir
    Path dir;

    private final StackStatus status = new StackStatus();
    private final AtomicReference<FileProblem> problem = new AtomicReference<>();

    @Test
    void aFailingLogFileIsInTheReportWhileItFailsAndGoneOnceItWorks() throws Exception {
        StackView view = view();
        problem.set(new FileProblem(dir.resolve("app.log"), "No space left on device", SINCE, 4096, SINCE.plusSeconds(2)));

        ServiceReport failing = report(view.document(), "app");
        assertThat(failing.state()).as("a log file problem does not change the state").isEqualTo("READY");
        assertThat(failing.logFile()).isEqualTo(new LogFileReport(dir.resolve("app.log").toString(),
                "No space left on device", SINCE.toString(), 4096, SINCE.plusSeconds(2).toString()));
        assertThat(report(view.document(), "db").logFile()).isNull();

        problem.set(null);
        assertThat(report(view.document(), "app").logFile()).as("derived when asked: gone once the file works").isNull();
    }

    @Test
    void statusPrintsTheProblemOfARunningServiceAndItSurvivesTheJsonRoundTrip() throws Exception {
        StackView view = view();
        problem.set(new FileProblem(dir.resolve("app.log"), "No space left on device", SINCE, 4096, SINCE.plusSeconds(2)));
        Json json = new Json();

        StatusDocument read = json.read(json.pretty(view.document()), StatusDocument.class);
        List<String> lines = new StatusReport(ZoneOffset.UTC).live(read);

        assertThat(report(read, "app").logFile()).isNotNull();
        assertThat(lines).contains("  app: log file " + dir.resolve("app.log") + " not written since 10:00:05"
                + " (No space left on device); 4096 bytes of output not in it, next try at 10:00:07. Output still"
                + " reaches the console and the tail; free space on that disk, or set a smaller log.max_size/keep.");
        assertThat(lines).noneMatch(l -> l.startsWith("  db:"));
    }

    private StackView view() throws Exception {
        Path file = Files.writeString(dir.resolve("unit.yaml"), """
                version: 1
                name: unit
                services:
                  db: { command: [db] }
                  app: { command: [app], depends_on: [db] }
                control:
                  listen: 127.0.0.1:0
                  run_dir: %s
                """.formatted(dir.resolve("run")));
        Profile profile = new ProfileLoader(Map.of(), SecretStore.readOnly()).load(List.of(file)).profile();
        Instant now = Instant.now();
        for (String name : profile.services().keySet()) {
            status.put(new ServiceStatus(name, Kind.SERVICE, true, ServiceState.WAITING, 0, null, null, "-", 0, ""));
            status.update(name, s -> s.started(4242, now.minusMillis(120)).ready(ServiceState.READY, now, "HTTP 200"));
        }
        BootTimeline timeline = new BootTimeline(Clock.systemUTC(), status, () -> { });
        return new StackView(profile, status, timeline, Redactor.none(),
                name -> name.equals("app") ? Optional.ofNullable(problem.get()) : Optional.empty());
    }

    private static ServiceReport report(StatusDocument document, String name) {
        return document.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
