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
import dev.muster.status.ServiceStatus;
import dev.muster.status.StackEnding;
import dev.muster.status.StackStatus;
import dev.muster.proxy.AppProxy;
import dev.muster.proxy.RouteTable;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The control plane of one {@code muster up}: the HTTP server ({@code /health}, {@code /status},
 * {@code /metrics}, {@code /logs/NAME}, {@code /events}, {@code /down}, the dashboard at {@code /};
 * all also under {@code /_muster/}, and only there when {@code control.app} is set, where every other
 * path is the app once the stack is ready and the {@link BootPage} until then) and the boot record
 * in the run directory. Everything updates from {@link StackStatus} and
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
    private final CountDownLatch released = new CountDownLatch(1);
    private Duration hold = Duration.ZERO;
    private Consumer<String> info = line -> { };
    private String listenHost = "";
    /** Services whose log file was failing at their last line: only to tell the dashboard when that changes. */
    private final Set<String> failingLogFiles = ConcurrentHashMap.newKeySet();
    /** Each service's process id as last told to the boot record: a new one is recorded at once. */
    private final Map<String, Long> recordedPids = new ConcurrentHashMap<>();
    private final StackStatus status;

    private ControlPlane(Profile profile, StackStatus status, Function<String, Optional<ServiceLog>> logs, Json json,
                         Clock clock, Consumer<String> warn) {
        this.json = json;
        this.clock = clock;
        this.status = status;
        this.hub = new EventHub();
        RecorderRef ref = new RecorderRef();
        this.timeline = new BootTimeline(clock, status, ref::changedPhase);
        this.view = new StackView(profile, status, timeline, Redactor.forProfile(profile),
                name -> logs.apply(name).flatMap(ServiceLog::fileProblem));
        this.recorder = new BootRecorder(profile.control().runDirFor(profile.name(), profile.source()), view::document, json, warn);
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
        ControlServer.quietLibraryLogs();
        Json json = new Json();
        ControlPlane plane = new ControlPlane(profile, status, logs, json, clock, warn);
        status.addListener(plane::serviceChanged);
        for (String service : profile.services().keySet()) {
            logs.apply(service).ifPresent(log -> log.addListener(line -> plane.logLine(service, log, line)));
        }
        ControlSpec spec = profile.control();
        Optional<String> token = ControlToken.read(spec, env, profile.env());
        BearerAuth auth = new BearerAuth(token);
        BootPage bootPage = new BootPage(plane.view, logs, auth, spec.tail(), json, clock);
        Map<String, HttpHandler> open = new LinkedHashMap<>();
        open.put("/health", new HealthHandler(plane.view, json));
        open.put("/boot", new BootSummaryHandler(bootPage::summary, json));
        Map<String, HttpHandler> guarded = new LinkedHashMap<>();
        guarded.put("/status", new StatusHandler(plane.view, json));
        plane.metrics = new StackMetrics(status, plane.view, plane.timeline);
        guarded.put("/metrics", new MetricsHandler(plane.metrics));
        guarded.put("/logs", new LogsHandler(plane.view, logs, plane.hub));
        guarded.put("/events", new EventsHandler(plane.view, logs, plane.hub, json));
        guarded.put("/down", new DownHandler(() -> plane.down(down)));
        guarded.put("/", new DashboardHandler());
        Optional<AppProxy> app = spec.proxies()
                ? Optional.of(new AppProxy(RouteTable.of(spec.app()), spec.appTimeout(), BearerAuth.COOKIE)) : Optional.empty();
        ExecutorService executor = ControlServer.handlerThreads();
        PortRouter router = new PortRouter(ControlSpec.OWN_PREFIX, open, guarded, auth, executor, app,
                () -> plane.view.health().ready(), bootPage);
        plane.hold = spec.hold();
        try {
            plane.server = ControlServer.start(spec.host(), spec.port(), router, executor);
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
        plane.info = info;
        if (plane.server != null && app.isPresent()) {
            info.accept("control plane on " + url + (token.isPresent() ? " (bearer token required)" : "")
                    + ": /health, muster's own under /_muster/ (dashboard " + url + "/_muster/); every other path goes to "
                    + spec.app().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", ")) + " once the stack is ready, a boot page until then");
        } else if (plane.server != null) {
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

    /**
     * Shows the backups' statuses in {@code /status}, the dashboard and the boot record, which is rewritten
     * after every dump attempt.
     */
    public void addBackups(dev.muster.backup.BackupLedger ledger) {
        view.backups(ledger::snapshot);
        ledger.addListener(recorder::changed);
        recorder.changed();
    }

    /** Records that a phase of the boot (preflight, prepare, boot) began at {@code at}. */
    public void phase(String name, java.time.Instant at) {
        timeline.phase(name, "", at);
    }

    /** Marks the stack as stopping at once (health turns 503 before the first service is stopped). */
    public void stopping(Signal signal) {
        released.countDown();
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
    public void finish(StackEnding ending) {
        StackEnding told = downRequested && ending instanceof StackEnding.Signalled signalled ? signalled.viaDown() : ending;
        timeline.ended(told.exitCode(), view.redact(told.how()));
        hub.publish(new EventHub.Event("end", json.compact(timeline.ending())));
        recorder.close();
        holdFailurePage(told.exitCode());
        hub.close();
        hub.awaitDrained(Duration.ofSeconds(1));
        if (server != null) {
            server.stop();
        }
    }

    /** After a required failure, keeps the failure page up for {@code control.hold} (a signal or /down ends it). */
    private void holdFailurePage(int exitCode) {
        if (exitCode != ExitCodes.SERVICE_FAILED || hold.isZero() || server == null || released.getCount() == 0) {
            return;
        }
        info.accept("the failure page stays up on " + url() + " for " + hold.toSeconds() + "s (control.hold);"
                + " SIGTERM or muster down ends it now");
        try {
            released.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void down(Consumer<Signal> down) {
        released.countDown();
        downRequested = true;
        stopping(Signal.TERM);
        down.accept(Signal.TERM);
    }

    private void serviceChanged(ServiceStatus status) {
        timeline.accept(status);
        if (hub.hasSubscribers()) {
            hub.publish(new EventHub.Event("service", json.compact(view.report(status)), status.name(), ""));
        }
        Long before = recordedPids.put(status.name(), status.pid());
        if (before == null || before != status.pid()) {
            recorder.changedSoon();
        } else {
            recorder.changed();
        }
    }

    private void logLine(String service, ServiceLog log, String line) {
        if (failingLogFiles.contains(service) != log.fileProblem().isPresent()) {
            logFileChanged(service);
        }
        if (!hub.hasSubscribers()) {
            return;
        }
        String clean = view.redact(line);
        hub.publish(new EventHub.Event("log", json.compact(Map.of("service", service, "line", clean)), service, clean));
    }

    /** A log file started or stopped failing: the dashboard's row and the boot record show it (see {@link StackView}). */
    private void logFileChanged(String service) {
        if (!failingLogFiles.remove(service)) {
            failingLogFiles.add(service);
        }
        if (hub.hasSubscribers()) {
            status.snapshot().stream().filter(s -> s.name().equals(service)).findFirst().ifPresent(s ->
                    hub.publish(new EventHub.Event("service", json.compact(view.report(s)), service, "")));
        }
        recorder.changed();
    }

    /** Lets the timeline report phases before the plane is fully built. */
    private static final class RecorderRef {
        private ControlPlane plane;

        void changedPhase() {
            ControlPlane current = plane;
            if (current != null) {
                current.recorder.changed();
                if (current.hub.hasSubscribers()) {
                    current.hub.publish(current.snapshotEvent());
                }
            }
        }
    }

    private EventHub.Event snapshotEvent() {
        return new EventHub.Event("snapshot", json.compact(Map.of("status", view.document())));
    }
}
