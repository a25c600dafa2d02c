package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The result of loading a profile.
 *
 * @param profile   the validated profile
 * @param effective the merged, interpolated tree (without {@code extends}), as {@code muster config}
 *                  prints it after redaction; it contains secret values, so never print it unredacted
 */
public record LoadedProfile(Profile profile, JsonNode effective) {
    public LoadedProfile {
        Objects.requireNonNull(profile, "profile");
        effective = Objects.requireNonNull(effective, "effective").deepCopy();
    }
}
