package dev.muster.cli;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.export.ExportWarnings;
import dev.muster.export.Placement;
import dev.muster.export.SecretFiles;
import dev.muster.export.SplitChecks;
import dev.muster.export.compose.ComposeExporter;
import dev.muster.export.compose.ComposeWriter;
import dev.muster.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code muster export compose|kubernetes}: the profile as another engine's description, one
 * container per service, each running {@code muster up --only}. Prints every mapping that loses
 * something as a warning (and writes them to {@code DIR/compose-warnings.txt} or {@code kubernetes-warnings.txt}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the profile as a Compose file or as Kubernetes objects (one container per service).",
        subcommands = {ExportCommand.Compose.class, ExportCommand.Kubernetes.class})
final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which: export compose or export kubernetes");
    }

    /**
     * What both exports start from: the loaded profile, its split into containers (checked, with the
     * warnings so far), and the secrets' files in the output directory (generated once).
     */
    private record Start(Profile profile, Placement placement, Map<String, String> secrets, ExportWarnings warnings) {
        static Start of(ExportOptions options, Streams streams) {
            Profile profile = options.load(streams);
            ExportWarnings warnings = new ExportWarnings();
            Placement placement = Placement.of(profile, warnings);
            SplitChecks.check(placement, options.environment(streams), warnings);
            Map<String, String> secrets = new SecretFiles(options.output, new SecureRandom()).ensure(profile.secrets());
            return new Start(profile, placement, secrets, warnings);
        }
    }

    /** {@code muster export compose}. */
    @Command(name = "compose", mixinStandardHelpOptions = true,
            description = {"Write DIR/compose.yaml (Compose: depends_on with conditions) and DIR/stack.yaml",
                "(docker stack deploy: format 3.8), and DIR/secrets/NAME for each secret (generated once).",
                "Exit: 0 written, 2 invalid profile."})
    static final class Compose implements Callable<Integer> {
        private final Streams streams;

        @Mixin
        ExportOptions options;

        Compose(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() {
            Start start = Start.of(options, streams);
            Profile profile = start.profile();
            Placement placement = start.placement();
            ExportWarnings warnings = start.warnings();
            ComposeExporter exporter = new ComposeExporter(options.settings());
            ComposeWriter writer = new ComposeWriter();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("compose.yaml", writer.write(exporter.export(placement, ComposeExporter.Flavor.COMPOSE, warnings),
                    header(profile, "docker compose -f compose.yaml up")));
            files.put("stack.yaml", writer.write(exporter.export(placement, ComposeExporter.Flavor.STACK, warnings),
                    header(profile, "docker stack deploy -c stack.yaml " + profile.name())));
            return finish(streams, options.output, files, "compose-warnings.txt", warnings);
        }

        private static List<String> header(Profile profile, String use) {
            return List.of("Written by muster export compose from " + profile.source() + "; do not edit, export again.",
                    "Use: " + use + "   (warnings: compose-warnings.txt)");
        }
    }

    /** {@code muster export kubernetes}. */
    @Command(name = "kubernetes", mixinStandardHelpOptions = true,
            description = {"Write Kubernetes objects to DIR/kubernetes.yaml: a StatefulSet with a claim and a headless",
                "Service for PostgreSQL, Deployments and Services for the others, tasks as init containers or Jobs,",
                "probes, grace periods, a Secret and a ConfigMap. Exit: 0 written, 2 invalid profile."})
    static final class Kubernetes implements Callable<Integer> {
        private final Streams streams;

        @Mixin
        ExportOptions options;

        Kubernetes(Streams streams) {
            this.streams = streams;
        }

        @Override
        public Integer call() {
            Start start = Start.of(options, streams);
            String text = dev.muster.export.kubernetes.KubernetesExport.yaml(start.placement(), options.settings(),
                    start.secrets(), start.warnings());
            return finish(streams, options.output, Map.of("kubernetes.yaml", text), "kubernetes-warnings.txt",
                    start.warnings());
        }
    }

    static int finish(Streams streams, Path output, Map<String, String> files, String warningsFile, ExportWarnings warnings) {
        try {
            Files.createDirectories(output);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(output.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                streams.out().println("wrote " + output.resolve(file.getKey()));
            }
            StringBuilder text = new StringBuilder();
            warnings.lines().forEach(line -> text.append(line).append('\n'));
            Files.writeString(output.resolve(warningsFile), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "export: cannot write to " + output + " ("
                    + e.getMessage() + "); choose a writable -o DIR");
        }
        warnings.lines().forEach(line -> streams.err().println("warning: " + line));
        return ExitCodes.OK;
    }
}
