package dev.muster.cli;

import dev.muster.export.ExportSettings;
import dev.muster.profile.Profile;
import dev.muster.secret.SecretStore;
import dev.muster.slice.ExternalHosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags both exports share: the profile, the output directory, the image and the containers' environment. */
final class ExportOptions {
    @Mixin
    ProfileOptions profiles;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the files go (default: muster-export).")
    Path output = Path.of("muster-export");

    @Option(names = "--image", paramLabel = "IMAGE", description = "The one image every container runs (default: muster).")
    String image = "muster";

    @Option(names = "--profile-path", paramLabel = "PATH", description = {"Where each -p file is inside the image",
        "(default: /app/profiles/ and the file's name, where the project's Dockerfile copies profiles/)."})
    List<String> profilePaths = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = {"A variable of every container; the profile is",
        "also interpolated with it at export, so paths and ports match what the containers compute."})
    Map<String, String> env = new LinkedHashMap<>();

    private final Map<String, String> hosts = new LinkedHashMap<>();

    /**
     * muster's environment overlaid by {@code --env} and {@code MUSTER_HOST_<NAME>=NAME} for every
     * service (what every exported container sets): what the containers will interpolate with.
     */
    Map<String, String> environment(Streams streams) {
        Map<String, String> all = new LinkedHashMap<>(streams.env());
        hosts.forEach(all::putIfAbsent);
        all.putAll(env);
        return all;
    }

    /** Loads the profile twice: once to learn the service names, then with their MUSTER_HOST_ variables. */
    Profile load(Streams streams) {
        Profile first = Profiles.load(new Streams(streams.out(), streams.err(), environment(streams)), profiles.files(),
                SecretStore.readOnly()).profile();
        first.services().keySet().forEach(name -> hosts.put(ExternalHosts.variable(name), name));
        return Profiles.load(new Streams(streams.out(), streams.err(), environment(streams)), profiles.files(),
                SecretStore.readOnly()).profile();
    }

    ExportSettings settings() {
        List<String> paths = new ArrayList<>(profilePaths);
        List<Path> files = profiles.files();
        for (int i = paths.size(); i < files.size(); i++) {
            paths.add("/app/profiles/" + files.get(i).getFileName());
        }
        return new ExportSettings(image, paths, env, ExportSettings.ENTRYPOINT);
    }
}
