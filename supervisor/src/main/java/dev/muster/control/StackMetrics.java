package dev.muster.control;

import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The stack in Prometheus metrics, read from the live state at every scrape (nothing is counted
 * twice). Per service ({@code service} label): {@code muster_service_up} (it has a running process),
 * {@code muster_service_ready}, {@code muster_service_state} (1 for the current state),
 * {@code muster_service_restarts_total}, {@code muster_service_probe_failures_total} ({@code probe}
 * label: ready or live), {@code muster_service_time_to_ready_seconds}; for the
 * stack: {@code muster_stack_ready} (what /health says) and {@code muster_boot_duration_seconds}
 * (boot start to all required services ready, absent until then).
 */
final class StackMetrics {
    private final StackStatus status;
    private final StackView view;
    private final BootTimeline timeline;
    private final List<Consumer<PrometheusRegistry>> sources = new ArrayList<>();
    private PrometheusRegistry registry;
    private PrometheusTextFormatWriter writer;

    /** Nothing of the Prometheus library is loaded until the first scrape. */
    StackMetrics(StackStatus status, StackView view, BootTimeline timeline) {
        this.status = status;
        this.view = view;
        this.timeline = timeline;
    }

    private synchronized PrometheusRegistry registry() {
        if (registry == null) {
            registry = new PrometheusRegistry();
            writer = PrometheusTextFormatWriter.create();
            registerStack();
            sources.forEach(source -> source.accept(registry));
        }
        return registry;
    }

    private void registerStack() {
        perService(status, "muster_service_up", "1 when the service has a running process, else 0",
                s -> s.pid() > 0 && (s.state() == ServiceState.STARTING || s.state() == ServiceState.READY
                        || s.state() == ServiceState.STOPPING) ? 1 : 0);
        perService(status, "muster_service_ready", "1 when the service is ready (a task: completed or skipped), else 0",
                s -> s.state().up() ? 1 : 0);
        GaugeWithCallback.builder().name("muster_service_state").help("1 for the state the service is in, 0 for the others")
                .labelNames("service", "state").callback(cb -> status.snapshot().forEach(s -> {
                    for (ServiceState state : ServiceState.values()) {
                        cb.call(state == s.state() ? 1 : 0, s.name(), state.name().toLowerCase(Locale.ROOT));
                    }
                })).register(registry);
        CounterWithCallback.builder().name("muster_service_restarts").help("How many times muster restarted the service")
                .labelNames("service").callback(cb -> status.snapshot().forEach(s -> cb.call(s.restarts(), s.name())))
                .register(registry);
        CounterWithCallback.builder().name("muster_service_probe_failures")
                .help("Failed probe attempts: probe=ready while it boots, probe=live once it is ready")
                .labelNames("service", "probe").callback(cb -> status.snapshot().forEach(s -> {
                    for (String probe : new String[] {"ready", "live"}) {
                        cb.call(status.probeFailures(s.name(), probe), s.name(), probe);
                    }
                })).register(registry);
        GaugeWithCallback.builder().name("muster_service_time_to_ready_seconds")
                .help("Seconds from the service's (last) launch to ready; absent until it was ready")
                .labelNames("service").callback(cb -> status.snapshot().forEach(s -> {
                    if (s.timeToReady() != null) {
                        cb.call(seconds(s.timeToReady()), s.name());
                    }
                })).register(registry);
        GaugeWithCallback.builder().name("muster_stack_ready")
                .help("1 while every required service is ready (what /health answers with 200), else 0")
                .callback(cb -> cb.call(view.health().ready() ? 1 : 0)).register(registry);
        GaugeWithCallback.builder().name("muster_boot_duration_seconds")
                .help("Seconds from the start of the boot to all required services ready; absent until then")
                .callback(cb -> bootDuration(timeline, cb)).register(registry);
    }

    /** Adds the series of another source (the backups) to the same registry. */
    synchronized void register(Consumer<PrometheusRegistry> source) {
        sources.add(source);
        if (registry != null) {
            source.accept(registry);
        }
    }

    synchronized String contentType() {
        registry();
        return writer.getContentType();
    }

    void write(OutputStream out) throws IOException {
        PrometheusRegistry scraped = registry();
        writer.write(out, scraped.scrape());
    }

    private void perService(StackStatus status, String name, String help, java.util.function.ToIntFunction<ServiceStatus> value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("service")
                .callback(cb -> status.snapshot().forEach(s -> cb.call(value.applyAsInt(s), s.name()))).register(registry);
    }

    private static void bootDuration(BootTimeline timeline, GaugeWithCallback.Callback cb) {
        Instant boot = null;
        Instant ready = null;
        for (StatusDocument.Phase phase : timeline.phases()) {
            if (phase.name().equals("boot") && boot == null) {
                boot = Instant.parse(phase.at());
            } else if (phase.name().equals("all ready") && ready == null) {
                ready = Instant.parse(phase.at());
            }
        }
        if (boot != null && ready != null) {
            cb.call(seconds(Duration.between(boot, ready)));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
