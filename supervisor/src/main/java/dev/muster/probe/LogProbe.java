package dev.muster.probe;

import dev.muster.logs.ServiceLog;
import dev.muster.profile.ProbeSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Ready when the service's output has matched a regex {@code times} times. It listens to lines
 * as they arrive, so it must be created before the service is launched.
 */
final class LogProbe implements Probe {
    private final ProbeSpec.Log spec;
    private final ServiceLog log;
    private final AtomicInteger matches = new AtomicInteger();
    private final CompletableFuture<Void> matched = new CompletableFuture<>();
    private final Consumer<String> listener = this::see;

    LogProbe(ProbeSpec.Log spec, ServiceLog log) {
        this.spec = spec;
        this.log = log;
        log.addListener(listener);
    }

    private void see(String line) {
        if (spec.pattern().matcher(line).find() && matches.incrementAndGet() >= spec.times()) {
            matched.complete(null);
        }
    }

    @Override
    public ProbeResult check(Duration timeout) {
        int seen = matches.get();
        return seen >= spec.times()
                ? ProbeResult.ready("matched /" + spec.pattern().pattern() + "/ " + seen + " times")
                : ProbeResult.notYet("/" + spec.pattern().pattern() + "/ matched " + seen + " of " + spec.times() + " times so far");
    }

    @Override
    public CompletableFuture<Void> changed() {
        return matched;
    }

    @Override
    public boolean pushesChanges() {
        return true;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    @Override
    public void close() {
        log.removeListener(listener);
    }
}
