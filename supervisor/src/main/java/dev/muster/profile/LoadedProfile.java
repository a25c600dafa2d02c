package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The result of loading a profile.
 *
 * @param profile   the validated profile
 * @param effective the merged, interpolated tree (without {@code extends}), as {@code muster config}
 *                  prints it after redaction; it contains secret values, so never print it unredacted
 * @param notes     decisions the loader made that the profile did not write down, one sentence
 *                  each (such as a rendered file given mode 0600 because it holds a secret), for
 *                  {@code check} and {@code config} to show
 */
public record LoadedProfile(Profile profile, JsonNode effective, List<String> notes) {
    public LoadedProfile {
        Objects.requireNonNull(profile, "profile");
        effective = Objects.requireNonNull(effective, "effective").deepCopy();
        notes = List.copyOf(notes);
    }

    /** A loaded profile without notes. */
    public LoadedProfile(Profile profile, JsonNode effective) {
        this(profile, effective, List.of());
    }
}
