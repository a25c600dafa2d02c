package dev.muster.control;

import com.sun.net.httpserver.HttpHandler;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ControlToken;
import dev.muster.process.Signal;
import dev.muster.profile.ControlSpec;
import dev.muster.profile.Profile;
import dev.muster.secret.Redactor;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackStatus;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The control plane of one {@code muster up}: the HTTP server ({@code /health}, {@code /status},
 * {@code /metrics}, {@code /logs/NAME}, {@code /events}, {@code /down}, the dashboard at {@code /})
 * and the boot record in the run directory. Everything updates from {@link StackStatus} and
 * {@link ServiceLog} listeners, so an idle stack costs nothing.
 */
public final class ControlPlane {
    private final StackView view;
    private final BootTimeline timeline;
    private final EventHub hub;
    private final BootRecorder recorder;
    private final Json json;
    private final Clock clock;
    private ControlServer server;
    private StackMetrics metrics;
    private volatile boolean downRequested;
    private String listenHost = "";

    private ControlPlane(Profile profile, StackStatus status, Json json, Clock clock, Consumer<String> warn) {
        this.json = json;
        this.clock = clock;
        this.hub = new EventHub();
        RecorderRef ref = new RecorderRef();
        this.timeline = new BootTimeline(clock, status, ref::changedPhase);
        this.view = new StackView(profile, status, timeline, Redactor.forProfile(profile));
        this.recorder = new BootRecorder(profile.control().runDirFor(profile.name()), view::document, json, warn);
        ref.plane = this;
    }

    /**
     * Starts the control plane of {@code profile} for the supervisor whose state is {@code status}.
     *
     * @param logs each service's captured output
     * @param down asks the supervisor to stop gracefully (as SIGTERM does); must not block
     * @param info where the bound address is announced
     * @param warn where problems that do not stop muster are reported
     * @throws MusterException (exit 3) when an explicitly configured {@code control.listen} cannot be bound
     */
    public static ControlPlane start(Profile profile, StackStatus status, Function<String, Optional<ServiceLog>> logs,
                                     Consumer<Signal> down, Map<String, String> env, Clock clock,
                                     Consumer<String> info, Consumer<String> warn) {
        Json json = new Json();
        ControlPlane plane = new ControlPlane(profile, status, json, clock, warn);
        status.addListener(plane::serviceChanged);
        for (String service : profile.services().keySet()) {
            logs.apply(service).ifPresent(log -> log.addListener(line -> plane.logLine(service, line)));
        }
        ControlSpec spec = profile.control();
        Optional<String> token = ControlToken.read(spec, env, profile.env());
        Map<String, HttpHandler> open = Map.of("/health", new HealthHandler(plane.view, json));
        Map<String, HttpHandler> guarded = new LinkedHashMap<>();
        guarded.put("/status", new StatusHandler(plane.view, json));
        plane.metrics = new StackMetrics(status, plane.view, plane.timeline);
        guarded.put("/metrics", new MetricsHandler(plane.metrics));
        guarded.put("/logs", new LogsHandler(plane.view, logs, plane.hub));
        guarded.put("/events", new EventsHandler(plane.view, logs, plane.hub, json));
        guarded.put("/down", new DownHandler(() -> plane.down(down)));
        guarded.put("/", new DashboardHandler());
        try {
            plane.server = ControlServer.start(spec.host(), spec.port(), open, guarded, new BearerAuth(token));
        } catch (MusterException e) {
            if (!spec.listen().equals(ControlSpec.DEFAULT_LISTEN)) {
                plane.recorder.close();
                throw e;
            }
            warn.accept("control plane not started: " + e.getMessage());
        }
        plane.listenHost = spec.host();
        String url = plane.url();
        plane.view.control(url);
        if (plane.server != null) {
            info.accept("control plane on " + url + (token.isPresent() ? " (bearer token required)" : "")
                    + ": /health /status /metrics /logs/NAME /events; dashboard at " + url + "/");
        }
        plane.recorder.changed();
        return plane;
    }

    /** Adds series from another source (the backups' {@code BackupMetrics}) to {@code /metrics}. */
    public void addMetrics(java.util.function.Consumer<io.prometheus.metrics.model.registry.PrometheusRegistry> source) {
        metrics.register(source);
    }

    /** Records that a phase of the boot (preflight, prepare, boot) began at {@code at}. */
    public void phase(String name, java.time.Instant at) {
        timeline.phase(name, "", at);
    }

    /** Marks the stack as stopping at once (health turns 503 before the first service is stopped). */
    public void stopping(Signal signal) {
        timeline.phase("stopping", signal.fullName() + (downRequested ? " (muster down)" : ""));
    }

    /** The URL the control plane answers on, "" when it did not start. */
    public String url() {
        if (server == null) {
            return "";
        }
        InetSocketAddress address = server.address();
        String host = address.getAddress().isAnyLocalAddress() ? listenHost : address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Records how muster ended, writes the final boot record, ends every event stream and stops the server. */
    public void finish(int exitCode, java.util.List<ServiceStatus> finalState) {
        String how = how(exitCode, finalState);
        timeline.ended(exitCode, how);
        hub.publish(new EventHub.Event("end", json.compact(timeline.ending())));
        recorder.close();
        hub.close();
        hub.awaitDrained(1000);
        if (server != null) {
            server.stop();
        }
    }

    private void down(Consumer<Signal> down) {
        downRequested = true;
        stopping(Signal.TERM);
        down.accept(Signal.TERM);
    }

    private void serviceChanged(ServiceStatus status) {
        timeline.accept(status);
        hub.publish(new EventHub.Event("service", json.compact(view.report(status)), status.name(), ""));
        recorder.changed();
    }

    private void logLine(String service, String line) {
        String clean = view.redact(line);
        hub.publish(new EventHub.Event("log", json.compact(Map.of("service", service, "line", clean)), service, clean));
    }

    private String how(int exitCode, java.util.List<ServiceStatus> finalState) {
        if (exitCode > ExitCodes.SIGNAL_BASE) {
            String signal = Signal.ofNumber(exitCode - ExitCodes.SIGNAL_BASE).map(Signal::fullName).orElse("signal " + (exitCode - 128));
            return "stopped cleanly after " + signal + (downRequested ? " (muster down)" : "");
        }
        if (exitCode == ExitCodes.SERVICE_FAILED) {
            return finalState.stream().filter(s -> s.required() && s.state() == ServiceState.FAILED).findFirst()
                    .map(s -> "stopped because " + s.name() + " failed: " + view.redact(s.detail()))
                    .orElse("stopped because a required service failed");
        }
        return exitCode == ExitCodes.OK ? "nothing left to run" : "exited with " + exitCode;
    }

    /** Lets the timeline report phases before the plane is fully built. */
    private static final class RecorderRef {
        private ControlPlane plane;

        void changedPhase() {
            ControlPlane current = plane;
            if (current != null) {
                current.recorder.changed();
                current.hub.publish(current.snapshotEvent());
            }
        }
    }

    private EventHub.Event snapshotEvent() {
        return new EventHub.Event("snapshot", json.compact(Map.of("status", view.document())));
    }
}
