package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds one entry under {@code services:} into a {@link ServiceSpec}; the container keys
 * ({@code image}, {@code ports}, {@code volumes}) through {@link ContainerBinder}.
 */
final class ServiceBinder {
    private final ProblemCollector problems;
    private final Scalars scalars;
    private final Map<String, Kind> kinds;

    /** @param kinds every declared service with its kind, for checking {@code depends_on} */
    ServiceBinder(ProblemCollector problems, Map<String, Kind> kinds) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    Optional<ServiceSpec> bind(String name, JsonNode node) {
        return Section.sectionOf(node, "services." + name, problems).map(section -> bind(name, section));
    }

    private ServiceSpec bind(String name, Section section) {
        Kind kind = kind(section);
        boolean shell = section.bool("shell", false);
        List<String> command = kind.inProcess() ? List.of() : command(section, shell);
        Map<String, String> env = EnvBinder.bind(section);
        Path cwd = section.text("cwd").map(Path::of).orElse(null);
        String user = section.value("user").flatMap(v -> scalars.user(v, section.pathOf("user"))).orElse(null);
        DependencyBinder dependencies = new DependencyBinder(problems, kinds);
        Map<String, Condition> dependsOn = dependencies.bind(name, section);
        ReadySpec ready = new ReadyBinder(problems).bind(section);
        ServicePartsBinder parts = new ServicePartsBinder(problems);
        StopSpec stop = parts.stop(section, stopBasis(section, command));
        LogSpec log = parts.log(section, name);
        boolean required = section.bool("required", true);
        Path creates = creates(section, kind);
        DatabaseStepBinder steps = new DatabaseStepBinder(problems);
        steps.rejectMisplaced(section, kind);
        SchemaSpec schema = kind == Kind.SCHEMA ? steps.schema(section) : null;
        MigrationsSpec migrations = kind == Kind.MIGRATIONS ? steps.migrations(section) : null;
        SupervisionBinder supervision = new SupervisionBinder(problems);
        LiveSpec live = supervision.live(section, kind.runsToCompletion());
        RestartSpec restart = supervision.restart(section, kind.runsToCompletion());
        ContainerSpec container = new ContainerBinder(problems).bind(section, kind);
        section.rejectUnknown();
        return new ServiceSpec(name, kind, command, shell, env, cwd, user, dependsOn, ready, stop, log, required, creates,
                live, restart, schema, migrations, container, dependencies.restartWith(), null, true);
    }

    /**
     * What the default stop signal is chosen from: the command, or for a container running its
     * image's default, the image's name ({@code postgres:15} is PostgreSQL, stopped with SIGINT).
     */
    private static List<String> stopBasis(Section section, List<String> command) {
        if (!command.isEmpty() || section.text("image").isEmpty()) {
            return command;
        }
        String image = section.text("image").get();
        String name = image.substring(image.lastIndexOf('/') + 1).replaceAll("[:@].*", "");
        return List.of(name);
    }

    /** The command; optional for a container service (empty runs the image's default). */
    private List<String> command(Section section, boolean shell) {
        if (section.value("command").isEmpty() && ContainerBinder.declaresImage(section)) {
            return List.of();
        }
        return new CommandBinder(scalars).bind(section, "command", shell);
    }

    private Kind kind(Section section) {
        String text = section.text("kind").orElse("service");
        switch (text) {
            case "service":
                return Kind.SERVICE;
            case "task":
                return Kind.TASK;
            case "schema":
                return Kind.SCHEMA;
            case "migrations":
                return Kind.MIGRATIONS;
            default:
                section.problem("kind", "\"" + text + "\" is not a kind; write kind: service, task, schema or migrations");
                return Kind.SERVICE;
        }
    }

    private Path creates(Section section, Kind kind) {
        Optional<String> creates = section.text("creates");
        if (creates.isPresent() && kind != Kind.TASK) {
            section.problem("creates", "only a task can have creates; set kind: task or remove creates");
        }
        return creates.map(Path::of).orElse(null);
    }

    /** The kind each entry declares (service when it says nothing valid), for the short form of depends_on. */
    static Kind declaredKind(JsonNode service) {
        return switch (service.path("kind").asText()) {
            case "task" -> Kind.TASK;
            case "schema" -> Kind.SCHEMA;
            case "migrations" -> Kind.MIGRATIONS;
            default -> Kind.SERVICE;
        };
    }
}
