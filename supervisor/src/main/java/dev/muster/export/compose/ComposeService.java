package dev.muster.export.compose;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One service of a {@link ComposeFile}, with only the keys muster's export uses.
 *
 * @param dependsOn     Compose: a map of names to {@link Dependency}; {@code docker stack deploy}: a list of names
 *                      (the 3.x format has no conditions, and Swarm ignores the order anyway)
 * @param restart       Compose's restart policy; null for Swarm, which reads {@code deploy.restart_policy}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"image", "command", "environment", "depends_on", "healthcheck", "ports", "volumes", "secrets",
    "stop_signal", "stop_grace_period", "restart", "deploy"})
public record ComposeService(
        String image,
        List<String> command,
        Map<String, String> environment,
        @JsonProperty("depends_on") Object dependsOn,
        Healthcheck healthcheck,
        List<Port> ports,
        List<String> volumes,
        List<SecretMount> secrets,
        @JsonProperty("stop_signal") String stopSignal,
        @JsonProperty("stop_grace_period") String stopGracePeriod,
        String restart,
        Deploy deploy) {

    /** A long-form dependency: {@code service_healthy}, {@code service_started}, {@code service_completed_successfully}. */
    public record Dependency(String condition) {
    }

    /** A health check; durations in Compose's syntax ({@code 5s}, {@code 1m30s}). */
    @JsonPropertyOrder({"test", "interval", "timeout", "retries", "start_period"})
    public record Healthcheck(List<String> test, String interval, String timeout, int retries,
                              @JsonProperty("start_period") String startPeriod) {
    }

    /** A published port in the long syntax; {@code mode: host} bypasses Swarm's routing mesh. */
    @JsonPropertyOrder({"target", "published", "protocol", "mode"})
    public record Port(int target, int published, String protocol, String mode) {
    }

    /** A secret mounted as a file at {@code target} (an absolute path: where the profile reads it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "target", "mode"})
    public record SecretMount(String source, String target, Integer mode) {
    }

    /**
     * Swarm's settings ({@code docker stack deploy} reads them, Compose ignores most).
     *
     * @param endpointMode {@code dnsrr}: a service's name resolves to its tasks' own addresses, not to
     *                     a virtual IP, whose load balancer (IPVS) does not answer on every engine
     */
    @JsonPropertyOrder({"replicas", "endpoint_mode", "restart_policy"})
    public record Deploy(int replicas, @JsonProperty("endpoint_mode") String endpointMode,
                         @JsonProperty("restart_policy") RestartPolicy restartPolicy) {
    }

    /** {@code condition}: none, on-failure or any. */
    public record RestartPolicy(String condition) {
    }
}
