package dev.muster.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootRecordReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSupervisorsPidAndEachServicesNamePidAndStartSkippingEverythingElse() throws IOException {
        Path record = Files.writeString(dir.resolve("boot.json"), """
                {"stack": "demo", "phases": [{"name": "boot", "at": "x"}], "pid": 4242,
                 "services": [
                   {"name": "db", "pid": 17, "startedAt": "2026-12-01T10:00:00Z", "dependsOn": ["a"], "detail": {"k": [1]}},
                   {"name": "web", "pid": null, "startedAt": null},
                   {"pid": 18}
                 ],
                 "ending": {"exit": 0}}
                """);

        BootRecordReader.Processes read = BootRecordReader.read(record).orElseThrow();

        assertThat(read.pid()).isEqualTo(4242);
        assertThat(read.services()).containsExactly(
                new BootRecordReader.Service("db", 17, "2026-12-01T10:00:00Z"),
                new BootRecordReader.Service("web", 0, ""),
                new BootRecordReader.Service("?", 18, ""));
    }

    @Test
    void anEmptyTruncatedOrNonObjectRecordGivesNothing() throws IOException {
        assertThat(BootRecordReader.read(Files.writeString(dir.resolve("empty.json"), ""))).isEmpty();
        assertThat(BootRecordReader.read(Files.writeString(dir.resolve("list.json"), "[1, 2]"))).isEmpty();
        assertThat(BootRecordReader.read(Files.writeString(dir.resolve("cut.json"), "{\"pid\": 1, \"services\": [{\"na"))).isEmpty();
        assertThat(BootRecordReader.read(dir.resolve("missing.json"))).isEmpty();
    }

    @Test
    void leftoversOfARecordWhoseServicesAreGoneAreNone() throws IOException {
        Path record = Files.writeString(dir.resolve("boot.json"),
                "{\"pid\": 1, \"services\": [{\"name\": \"db\", \"pid\": 999999999, \"startedAt\": \"2026-12-01T10:00:00Z\"}]}");

        assertThat(new Leftovers(new dev.muster.process.Signals(), line -> { }).find(record)).isEmpty();
    }
}
