package dev.muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exports of the shipped profiles, compared with the files under
 * {@code supervisor/src/test/resources/golden/PROFILE/}. After an intended change (a profile or
 * the mapping), regenerate them and review the diff:
 * {@code mvn -B test -Dtest=ExportGoldenTest -Dgolden.update=true}.
 */
class ExportGoldenTest {
    static final Path GOLDEN = Path.of("supervisor/src/test/resources/golden");
    /** What the project's image sets, so the paths match what the containers compute. */
    static final Map<String, String> ENV = Map.of("MUSTER_DEMO_DIR", "/data", "PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "hf-space", "split"})
    void composeExportMatchesItsGoldenFiles(String profile) throws IOException {
        export("compose", profile);

        compare(profile, List.of("compose.yaml", "stack.yaml", "compose-warnings.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "hf-space", "split"})
    void kubernetesExportMatchesItsGoldenFiles(String profile) throws IOException {
        export("kubernetes", profile);

        compare(profile, List.of("kubernetes.yaml", "kubernetes-warnings.txt"));
    }

    /** Exports with fixed secrets ({@code golden-NAME}), so the Secret objects are stable. */
    static int export(String kind, String profile, Path output) throws IOException {
        for (String secret : List.of("DB_PASSWORD", "SECRET_KEY", "MUSTER_TOKEN")) {
            Files.createDirectories(output.resolve("secrets"));
            Files.writeString(output.resolve("secrets").resolve(secret), "golden-" + secret.toLowerCase() + "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ENV, "export", kind, "-p", "profiles/" + profile + ".yaml", "-o", output.toString(),
                "--image", "muster-demo", "--env", "MUSTER_DEMO_DIR=/data");
    }

    private void export(String kind, String profile) throws IOException {
        assertThat(export(kind, profile, dir)).isZero();
    }

    private void compare(String profile, List<String> files) throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        for (String file : files) {
            String actual = Files.readString(dir.resolve(file));
            Path golden = GOLDEN.resolve(profile).resolve(file);
            if (update) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
            }
            assertThat(golden).as("golden file %s (regenerate with -Dgolden.update=true)", golden).exists();
            assertThat(actual).as("%s differs from %s; if intended, rerun with -Dgolden.update=true and review the diff",
                    file, golden).isEqualTo(Files.readString(golden));
        }
    }
}
