package dev.muster.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmasterFilesTest {
    private static final Path CWD = Path.of("/srv");

    @Test
    void findsTheDataDirectoryOfAPostgresCommand() {
        assertThat(PostmasterFiles.dataDirectory(List.of("/usr/lib/postgresql/15/bin/postgres", "-D", "/data/pg", "-p", "5432"),
                null, CWD)).contains(Path.of("/data/pg"));
        assertThat(PostmasterFiles.dataDirectory(List.of("postgres", "-Dpg"), null, CWD)).contains(Path.of("/srv/pg"));
        assertThat(PostmasterFiles.dataDirectory(List.of("postmaster"), "/var/lib/pg", CWD)).contains(Path.of("/var/lib/pg"));
    }

    @Test
    void ignoresOtherPrograms() {
        assertThat(PostmasterFiles.dataDirectory(List.of("initdb", "-D", "/data/pg"), null, CWD)).isEmpty();
        assertThat(PostmasterFiles.dataDirectory(List.of("postgres"), null, CWD)).isEmpty();
    }
}
