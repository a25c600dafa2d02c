package dev.muster.export.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muster.export.ExportSettings;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Placement;
import dev.muster.profile.Profile;
import dev.muster.profile.ProfileLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes export of every shipped profile validated against the Kubernetes OpenAPI schema
 * by the npm package kubernetes-models, run by the machine's Node ({@code src/test/node}). The
 * test installs the pinned packages itself into {@code target/kubernetes-validation}; only when
 * the npm registry cannot be reached, and not under CI, is it skipped, with that reason.
 */
class KubernetesSchemaIT {
    private static final Path NODE_SOURCES = Path.of("supervisor/src/test/node");
    private static final Path WORK = Path.of("target/kubernetes-validation");
    private static final Map<String, String> ENV = Map.of("MUSTER_DEMO_DIR", "/data", "PATH", "/usr/bin:/bin");

    @TempDir
    Path dir;

    @BeforeAll
    static void installValidator() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "validate-kubernetes.js")) {
            Files.copy(NODE_SOURCES.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/kubernetes-models"))) {
            return;
        }
        Run install = run(WORK, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        boolean unreachable = install.output().matches("(?s).*(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network).*");
        if (install.code() != 0 && unreachable && System.getenv("CI") == null) {
            Assumptions.abort("the npm registry cannot be reached, so kubernetes-models cannot be installed: " + install.output());
        }
        assertThat(install.code()).as("npm install in %s: %s", WORK, install.output()).isZero();
    }

    @Test
    void everyShippedProfilesObjectsSatisfyTheKubernetesSchema() throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        for (String name : List.of("demo", "hf-space", "split", "image")) {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, export(name));
            files.add(file.toAbsolutePath().toString());
        }

        Run validation = validate(files);

        assertThat(validation.code()).as(validation.output()).isZero();
        assertThat(validation.output().lines().toList()).as(validation.output())
                .allMatch(line -> line.startsWith("ok "))
                .contains("ok StatefulSet/postgres", "ok Service/postgres", "ok Deployment/backend", "ok ConfigMap/split-env");
    }

    @Test
    void theValidatorRejectsAnInvalidObject() throws IOException, InterruptedException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: bad }
                spec:
                  replicas: "two"
                  selector: { matchLabels: { app: bad } }
                  template: { spec: { containers: [ { image: x } ] } }
                """);

        Run validation = validate(List.of(bad.toAbsolutePath().toString()));

        assertThat(validation.code()).isEqualTo(1);
        assertThat(validation.output()).contains("invalid Deployment/bad").contains("replicas").contains("name");
    }

    private static String export(String name) {
        Profile profile = new ProfileLoader(ENV, spec -> "secret").load(List.of(Path.of("profiles/" + name + ".yaml"))).profile();
        ExportWarnings warnings = new ExportWarnings();
        ExportSettings settings = new ExportSettings("muster-demo", List.of("/app/profiles/" + name + ".yaml"),
                Map.of("MUSTER_DEMO_DIR", "/data"), ExportSettings.ENTRYPOINT);
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        profile.secrets().keySet().forEach(k -> secrets.put(k, "value"));
        return KubernetesExport.yaml(Placement.of(profile, warnings), settings, secrets, warnings);
    }

    private static Run validate(List<String> files) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("node", "validate-kubernetes.js"));
        argv.addAll(files);
        return run(WORK, argv.toArray(String[]::new));
    }

    record Run(int code, String output) {
    }

    private static Run run(Path cwd, String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, output + "\n(timed out)");
        }
        return new Run(process.exitValue(), output);
    }
}
