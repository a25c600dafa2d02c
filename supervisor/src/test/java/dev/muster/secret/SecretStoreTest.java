package dev.muster.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.MusterException;
import dev.muster.profile.LoadedProfile;
import dev.muster.profile.ProfileLoader;
import dev.muster.profile.SecretSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path dir;

    private final SecretStore store = SecretStore.generating(new SecureRandom());

    @Test
    void generatesLowercaseHexOfTheRequestedLength() {
        String value = store.resolve(new SecretSpec("K", dir.resolve("k"), 16));

        assertThat(value).matches("[0-9a-f]{32}");
    }

    @Test
    void secretFileIsCreated0600AndReusedOnNextLoad() throws IOException {
        Path file = dir.resolve("nested/secrets/secret_key");
        Path profile = Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                secrets:
                  SECRET_KEY: { file: "%s" }
                services:
                  a: { command: [a] }
                """.formatted(file));
        ProfileLoader loader = new ProfileLoader(Map.of(), store);

        LoadedProfile first = loader.load(List.of(profile));
        LoadedProfile second = loader.load(List.of(profile));

        String value = first.profile().env().get("SECRET_KEY");
        assertThat(value).matches("[0-9a-f]{64}");
        assertThat(second.profile().env()).containsEntry("SECRET_KEY", value);
        assertThat(Files.readString(file).strip()).isEqualTo(value);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void existingValueIsReadAndTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("k"), "  chosen-by-operator\n");

        assertThat(store.resolve(new SecretSpec("K", file, 32))).isEqualTo("chosen-by-operator");
    }

    @Test
    void readOnlyStoreWritesNothing() {
        Path file = dir.resolve("missing/k");

        assertThat(SecretStore.readOnly().resolve(new SecretSpec("K", file, 32))).isEqualTo(SecretStore.PLACEHOLDER);
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void readOnlyStoreNamesTheSecretsItHadNoFileFor() throws IOException {
        SecretStore store = SecretStore.readOnly();
        Path present = Files.writeString(dir.resolve("present"), "value\n");

        store.resolve(new SecretSpec("PRESENT", present, 32));
        assertThat(store.missing()).isEmpty();
        store.resolve(new SecretSpec("B", dir.resolve("b"), 32));
        store.resolve(new SecretSpec("A", dir.resolve("a"), 32));

        assertThat(store.missing()).containsExactly("B", "A");
    }

    @Test
    void emptyFileIsAnErrorWithTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("k"), "\n");

        assertThatThrownBy(() -> SecretStore.readOnly().resolve(new SecretSpec("K", file, 32)))
                .isInstanceOf(MusterException.class)
                .hasMessage("secret K: " + file + " is empty; write the value into it, or delete it so that muster"
                        + " generates one");
    }

    @Test
    void unwritableDirectoryIsAnErrorWithTheFix() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> store.resolve(new SecretSpec("K", blocker.resolve("k"), 32)))
                .isInstanceOf(MusterException.class)
                .hasMessageStartingWith("secret K: cannot write " + blocker.resolve("k"))
                .hasMessageContaining("writable by muster's user");
    }
}
