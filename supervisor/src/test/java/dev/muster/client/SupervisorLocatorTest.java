package dev.muster.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.control.Json;
import dev.muster.control.StatusDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorLocatorTest {
    @TempDir
    Path runRoot;

    @Test
    void withoutAProfileShowsOnlyARecordOfTheAddressAsked() throws IOException {
        Path mine = record("mine", "http://127.0.0.1:7861", Instant.parse("2026-01-01T00:00:00Z"));
        record("other", "http://127.0.0.1:7999", Instant.parse("2026-01-02T00:00:00Z"));

        SupervisorLocator.Target target = new SupervisorLocator(Map.of("MUSTER_CONTROL", "127.0.0.1:7861"), runRoot)
                .locate(Optional.empty());

        assertThat(target.record()).as("the newer record is another stack's, at another address").contains(mine);
    }

    @Test
    void noRecordWhenNoneWasWrittenAtThatAddress() throws IOException {
        record("other", "http://127.0.0.1:7999", Instant.parse("2026-01-02T00:00:00Z"));

        SupervisorLocator.Target target = new SupervisorLocator(Map.of("MUSTER_CONTROL", "localhost:7861"), runRoot)
                .locate(Optional.empty());

        assertThat(target.record()).isEmpty();
    }

    @Test
    void aWildcardListenAddressIsThisMachine() {
        assertThat(SupervisorLocator.sameAddress("http://0.0.0.0:7860", java.net.URI.create("http://127.0.0.1:7860"))).isTrue();
        assertThat(SupervisorLocator.sameAddress("http://10.0.0.5:7860", java.net.URI.create("http://127.0.0.1:7860"))).isFalse();
    }

    private Path record(String stack, String control, Instant written) throws IOException {
        Path dir = Files.createDirectories(runRoot.resolve(stack));
        StatusDocument document = new StatusDocument(stack, stack + ".yaml", 1, control, "stopped", List.of(), List.of(), null);
        Path file = Files.writeString(dir.resolve(StatusDocument.RECORD_FILE), new Json().pretty(document));
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
