package dev.muster.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.process.Users;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparerTest {
    @TempDir
    Path dir;

    private final List<String> report = new ArrayList<>();

    private void prepare(Path file, String content) throws IOException {
        Path yaml = Files.writeString(dir.resolve("p.yaml"), "version: 1\nfiles:\n  - { path: " + file
                + ", content: \"" + content + "\" }\nservices:\n  t: {kind: task, command: [\"true\"]}\n");
        Profile profile = new ProfileLoader(Map.of("DB_PASSWORD", "hunter22"), spec -> "x").load(List.of(yaml)).profile();
        new Preparer(new Users(), report::add).prepare(profile);
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void tightensAWorldReadableSecretFileAndWarnsOnce() throws IOException {
        Path env = Files.writeString(dir.resolve(".env"), "PW=hunter22\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));

        prepare(env, "PW=${DB_PASSWORD}\\n");
        prepare(env, "PW=${DB_PASSWORD}\\n");

        assertThat(mode(env)).isEqualTo("rw-------");
        assertThat(report).containsExactly("prepared file " + env
                + ": mode 0600 (warning: it was rw-r--r--, readable by other users; tightened)");
    }

    @Test
    void writesANewSecretFileAt0600AndAPlainOneAt0644() throws IOException {
        Path secret = dir.resolve("new.env");
        Path plain = dir.resolve("plain.txt");

        prepare(secret, "PW=${DB_PASSWORD}");
        prepare(plain, "hello");

        assertThat(mode(secret)).isEqualTo("rw-------");
        assertThat(mode(plain)).isEqualTo("rw-r--r--");
        assertThat(report).containsExactly("prepared file " + secret + ": created", "prepared file " + plain + ": created");
    }

    @Test
    void tightensAWorldReadableSecretsFileAndWarnsOnceNamingIt() throws IOException {
        Path key = Files.writeString(dir.resolve("secret_key"), "0123456789abcdef\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        Path yaml = Files.writeString(dir.resolve("s.yaml"), "version: 1\nsecrets:\n  SECRET_KEY: { file: " + key
                + ", bytes: 8 }\nservices:\n  t: {kind: task, command: [\"true\"]}\n");
        Profile profile = new ProfileLoader(Map.of(), spec -> "x").load(List.of(yaml)).profile();

        new Preparer(new Users(), report::add).prepare(profile);
        new Preparer(new Users(), report::add).prepare(profile);

        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(report).containsExactly("warning: secret SECRET_KEY: " + key
                + " was rw-r--r--, readable by other users; tightened to 0600");
    }
}
