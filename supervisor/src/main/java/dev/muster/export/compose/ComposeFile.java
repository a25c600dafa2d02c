package dev.muster.export.compose;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A Compose file (the compose-spec format) as typed values; Jackson writes it as YAML.
 *
 * @param version  "3.8" for {@code docker stack deploy}, which still reads the versioned format; null for Compose
 * @param services by name
 * @param volumes  named volumes (all with the default local driver)
 * @param secrets  file-based secrets by name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"version", "services", "volumes", "secrets"})
public record ComposeFile(String version, Map<String, ComposeService> services, Map<String, Volume> volumes,
                          Map<String, Secret> secrets) {

    /** A named volume; no settings, so the engine's default (local) driver. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Volume(Map<String, String> labels) {
    }

    /** A secret read from a file next to the Compose file. */
    public record Secret(String file) {
    }
}
