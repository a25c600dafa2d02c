package dev.muster.supervisor;

import dev.muster.logs.ServiceLog;
import dev.muster.preflight.ResolvedService;
import dev.muster.probe.Probe;
import dev.muster.probe.ProbeResult;
import dev.muster.process.OutputListener;
import dev.muster.process.Workload;
import dev.muster.profile.ProbeSpec;
import dev.muster.testing.FakeTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workloads and probes the test scripts: every launch is a {@link FakeWorkload} that prints one
 * line as it starts; a service's probes answer what {@link #ready} and {@link #live} say now.
 */
final class ScriptedRuntime implements UnitRuntime {
    private final FakeTime time;
    private final AtomicLong pids = new AtomicLong(1000);
    private final Map<String, List<FakeWorkload>> launched = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> ready = new ConcurrentHashMap<>();
    private final Map<String, ProbeResult> live = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> liveFailures = new ConcurrentHashMap<>();
    private final Map<String, Integer> autoExit = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> probesMade = new ConcurrentHashMap<>();

    ScriptedRuntime(FakeTime time) {
        this.time = time;
    }

    /** What the service's ready probe answers from now on (default: ready). */
    void ready(String service, ProbeResult result) {
        ready.put(service, result);
    }

    /** What the service's live probe answers from now on (default: live). */
    void live(String service, ProbeResult result) {
        live.put(service, result);
    }

    /** The service's next {@code count} liveness attempts fail, the ones after pass. */
    void failLiveness(String service, int count) {
        liveFailures.computeIfAbsent(service, n -> new AtomicInteger()).addAndGet(count);
    }

    /** Every launch of the service exits with {@code code} at once. */
    void exitAtOnce(String service, int code) {
        autoExit.put(service, code);
    }

    /** How many probes (ready or live) were made for the service. */
    int probed(String service) {
        return probesMade.getOrDefault(service, new AtomicInteger()).get();
    }

    List<FakeWorkload> launches(String service) {
        return List.copyOf(launched.getOrDefault(service, List.of()));
    }

    FakeWorkload last(String service) {
        List<FakeWorkload> all = launches(service);
        return all.get(all.size() - 1);
    }

    @Override
    public Workload launch(ResolvedService service, OutputListener output) {
        FakeWorkload workload = new FakeWorkload(pids.incrementAndGet(), time);
        launched.computeIfAbsent(service.name(), n -> new CopyOnWriteArrayList<>()).add(workload);
        output.line(OutputListener.Stream.STDOUT, "hello from " + service.name());
        Integer code = autoExit.get(service.name());
        if (code != null) {
            workload.exit(code);
        }
        return workload;
    }

    @Override
    public Probe probe(ProbeSpec spec, ResolvedService service, ServiceLog log) {
        probesMade.computeIfAbsent(service.name(), n -> new AtomicInteger()).incrementAndGet();
        boolean isLive = service.spec().live() != null && spec == service.spec().live().probe();
        Map<String, ProbeResult> answers = isLive ? live : ready;
        return new Probe() {
            @Override
            public ProbeResult check(Duration timeout) {
                AtomicInteger failures = liveFailures.get(service.name());
                if (isLive && failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return ProbeResult.notYet("HTTP 500 (scripted)");
                }
                return answers.getOrDefault(service.name(), ProbeResult.ready("scripted ok"));
            }

            @Override
            public String describe() {
                return (isLive ? "live " : "ready ") + service.name();
            }
        };
    }

    @Override
    public String describeLaunch(ResolvedService service) {
        return ": " + String.join(" ", service.argv());
    }
}
