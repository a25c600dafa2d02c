package dev.muster.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One parsed profile file, or several merged ones.
 *
 * @param root      the top-level mapping (mutable: merging and interpolation work on it)
 * @param locations where each path of {@code root} was written
 */
record YamlDocument(ObjectNode root, LocationIndex locations) {
    YamlDocument {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(locations, "locations");
    }
}
