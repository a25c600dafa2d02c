package dev.muster.profile;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads a profile and its overlays ({@code -p PROFILE [-p OVERLAY]...}), follows {@code extends},
 * merges them (maps key by key, lists and scalars replace), interpolates every string, binds and
 * validates the result.
 *
 * <p>On any problem it throws a {@link MusterException} with exit code
 * {@link ExitCodes#INVALID_PROFILE} whose message lists every problem found, each as
 * {@code FILE:LINE: yaml.path: what is wrong; the fix}, where FILE is the file that last defined
 * the path. Paths in the profile are kept as written; relative ones are relative to muster's
 * working directory (only {@code extends} is relative to the file naming it).
 */
public final class ProfileLoader {
    private final Map<String, String> environment;
    private final SecretResolver secrets;

    /**
     * @param environment muster's own environment, the lowest layer of interpolation variables
     * @param secrets     produces the values of declared secrets (generating or read-only)
     */
    public ProfileLoader(Map<String, String> environment, SecretResolver secrets) {
        this.environment = Map.copyOf(environment);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Loads {@code files}, merged in order; see the class description for the errors. */
    public LoadedProfile load(List<Path> files) {
        if (files.isEmpty()) {
            throw new MusterException(ExitCodes.INVALID_PROFILE, "no profile given; pass one with -p PROFILE.yaml");
        }
        String display = files.stream().map(Path::toString).collect(Collectors.joining(" + "));
        ProblemCollector readProblems = new ProblemCollector(new LocationIndex(files.get(0)));
        List<YamlDocument> documents = new SourceReader(readProblems).read(files);
        readProblems.throwIfAny(display);

        YamlDocument merged = new TreeMerger().merge(documents);
        ProblemCollector problems = new ProblemCollector(merged.locations());
        List<SecretFileModes.Finding> secretFiles = SecretFileModes.scan(merged.root());
        ProfileInterpolator.Secrets resolved =
                new ProfileInterpolator(environment, secrets, problems).interpolate(merged.root());
        List<String> notes = SecretFileModes.apply(merged.root(), secretFiles, resolved.values().values());
        Profile profile = new ProfileBinder(problems).bind(merged.root(), resolved, files);
        profile.graph().findCycle().ifPresent(cycle ->
                problems.add("services." + cycle.get(0) + ".depends_on", "services", "dependency cycle "
                        + String.join(" -> ", cycle) + "; remove one of these depends_on entries"));
        problems.throwIfAny(display);
        return new LoadedProfile(profile, merged.root(), notes);
    }
}
