package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a merged, interpolated profile tree into a {@link Profile}, reporting every problem to
 * the collector. The secrets' values come first in {@link Profile#env()}, so every child gets
 * them, followed by the variables of {@code env_file} and the profile's own {@code env} entries.
 */
final class ProfileBinder {
    private static final String SERVICE_NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private final ProblemCollector problems;

    ProfileBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    Profile bind(ObjectNode tree, ProfileInterpolator.Secrets secrets, List<Path> sources) {
        Section root = new Section(tree, "", problems);
        version(root);
        String name = root.text("name").orElse(defaultName(sources.get(0)));
        Map<String, String> env = new LinkedHashMap<>(secrets.values());
        env.putAll(secrets.fileEnv());
        env.putAll(EnvBinder.bind(root));
        root.value("secrets");
        root.value("env_file");
        PreparationBinder preparation = new PreparationBinder(problems);
        List<DirectorySpec> directories = preparation.directories(root);
        List<FileSpec> files = preparation.files(root, secrets.variables());
        SettingsBinder settings = new SettingsBinder(problems);
        PreflightSpec preflight = settings.preflight(root);
        Map<String, ServiceSpec> services = services(root);
        ControlSpec control = settings.control(root);
        Map<String, String> hosts = HostsBinder.bind(root, services.keySet());
        Optional<LockSpec> lock = new LockBinder(problems).lock(root);
        DurabilityBinder durability = new DurabilityBinder(problems);
        Map<String, BackupSpec> backups = durability.backups(root, services);
        java.time.Duration grace = durability.grace(root);
        root.rejectUnknown();
        return new Profile(name, sources, env, secrets.specs(), directories, files, preflight, services, control, hosts,
                lock, backups, grace);
    }

    private void version(Section root) {
        Optional<JsonNode> version = root.value("version");
        if (version.isEmpty()) {
            problems.add("", "version", "missing; add version: 1 at the top of the profile");
        } else if (!version.get().asText().strip().equals("1")) {
            root.problem("version", Scalars.show(version.get()) + " is not supported; this muster reads version 1,"
                    + " write version: 1");
        }
    }

    private Map<String, ServiceSpec> services(Section root) {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        if (!root.require("services", "with at least one service")) {
            return services;
        }
        List<Map.Entry<String, JsonNode>> entries = root.entries("services");
        if (entries.isEmpty() && root.value("services").orElseThrow().isObject()) {
            root.problem("services", "is empty; add at least one service with a command");
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        entries.forEach(entry -> kinds.put(entry.getKey(), ServiceBinder.declaredKind(entry.getValue())));
        ServiceBinder binder = new ServiceBinder(problems, kinds);
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (!entry.getKey().matches(SERVICE_NAME)) {
                problems.add("services." + entry.getKey(), "\"" + entry.getKey() + "\" is not a valid service name;"
                        + " use letters, digits, '-', '_' and '.', starting with a letter or digit");
            }
            binder.bind(entry.getKey(), entry.getValue()).ifPresent(spec -> services.put(spec.name(), spec));
        }
        DisabledDependencies.check(services, problems);
        return services;
    }

    private static String defaultName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
