package dev.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path dir;

    private final Executables executables = new Executables();

    @Test
    void searchesThePathGivenNotMustersOwn() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.createFile(bin.resolve("railway"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(executables.resolve("railway", "/nonexistent:" + bin, dir)).contains(tool);
        assertThat(executables.resolve("railway", "/usr/bin:/bin", dir)).isEmpty();
    }

    @Test
    void aNameWithASlashIsRelativeToTheWorkingDirectoryAndMustBeExecutable() throws Exception {
        Path script = Files.createFile(dir.resolve("run.sh"));
        assertThat(executables.resolve("./run.sh", "", dir)).isEmpty();
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        assertThat(executables.resolve("./run.sh", "", dir)).contains(script);
    }
}
