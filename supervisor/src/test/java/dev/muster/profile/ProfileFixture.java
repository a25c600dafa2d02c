package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Writes profile files into a test's temporary directory and loads them with a fixed environment. */
final class ProfileFixture {
    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();

    ProfileFixture(Path directory) {
        this.directory = directory;
    }

    ProfileFixture env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path write(String name, String yaml) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String name) {
        return directory.resolve(name);
    }

    LoadedProfile load(String... names) {
        SecretResolver secrets = spec -> "secret-of-" + spec.name();
        return new ProfileLoader(environment, secrets).load(Arrays.stream(names).map(directory::resolve).toList());
    }

    Profile profile(String... names) {
        return load(names).profile();
    }

    /** The message of the exit-2 failure loading {@code names} must produce. */
    String problems(String... names) {
        return messageOf(() -> load(names));
    }

    /** The services of a profile whose {@code services:} section is {@code yaml}. */
    Map<String, ServiceSpec> services(String yaml) {
        write("p.yaml", "version: 1\nservices:\n" + yaml);
        return profile("p.yaml").services();
    }

    /** The exit-2 message for a profile whose {@code services:} section is {@code yaml}. */
    String servicesProblems(String yaml) {
        write("p.yaml", "version: 1\nservices:\n" + yaml);
        return problems("p.yaml");
    }

    /** The message of the exit-2 failure {@code loading} must produce. */
    static String messageOf(ThrowingCallable loading) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(loading).isInstanceOfSatisfying(MusterException.class, e -> {
            thrown[0] = e;
            assertThat(e.exitCode()).isEqualTo(ExitCodes.INVALID_PROFILE);
        });
        return thrown[0].getMessage();
    }

    static List<String> lines(String message) {
        return message.lines().toList();
    }
}
