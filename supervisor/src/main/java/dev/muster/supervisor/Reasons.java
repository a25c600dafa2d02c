package dev.muster.supervisor;

import dev.muster.preflight.ResolvedService;
import dev.muster.probe.PollOutcome;
import dev.muster.process.ExitStatus;
import dev.muster.status.Durations;
import dev.muster.status.Plurals;
import dev.muster.status.Failure;
import dev.muster.restart.Decision;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The wording of every way a service can fail: the reason and the fix. */
final class Reasons {
    private static final String READ_LOG = "fix the cause shown in its log below, then start the stack again";

    private Reasons() {
    }

    static Failure launchFailed(ResolvedService service, String why) {
        return new Failure(service.name(), "could not be launched: " + why,
                "check the command, its working directory and the user it runs as");
    }

    static Failure taskFailed(ResolvedService service, ExitStatus status, Duration ran) {
        return new Failure(service.name(), "task " + status.describe() + " after " + Durations.format(ran), READ_LOG);
    }

    static Failure exitedBeforeReady(ResolvedService service, ExitStatus status, Duration ran, PollOutcome readiness) {
        String probe = readiness.last() == null ? "" : "; the last probe said: " + readiness.last().detail();
        return new Failure(service.name(), status.describe() + " before it was ready (ran "
                + Durations.format(ran) + probe + ")", READ_LOG);
    }

    static Failure notReady(ResolvedService service, String probe, PollOutcome readiness) {
        String last = readiness.last() == null ? "no attempt finished" : readiness.last().detail();
        return new Failure(service.name(), "not ready within its ready.timeout of "
                + Durations.format(service.spec().ready().timeout()) + " (" + Plurals.of(readiness.attempts(), "attempt")
                + "); the last probe (" + probe + ") said: " + last,
                "check that it listens where the probe looks and read its log below; if it is only slow, raise ready.timeout");
    }

    static Failure probeFailed(ResolvedService service, String probe, PollOutcome readiness) {
        return new Failure(service.name(), "its ready probe (" + probe + ") failed, and waiting cannot fix it: "
                + readiness.last().detail(), "fix what the probe says above, then start the stack again");
    }

    static Failure notLive(ResolvedService service, String detail) {
        return new Failure(service.name(), "failed its liveness check " + service.spec().live().failures()
                + " times in a row; the last said: " + detail,
                "read its log below; if the check is too strict, raise live.failures, live.timeout or live.period");
    }

    static Failure crashLoop(ResolvedService service, Decision decision, Failure last) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        List<String> runs = decision.history().stream()
                .map(a -> time.format(a.endedAt()) + "Z  " + a.how() + " after " + Durations.format(a.lived()))
                .toList();
        return new Failure(service.name(), decision.why() + "; the last run: " + last.reason(),
                "fix the cause shown in its log below; muster stops retrying so the failure is not hidden", runs);
    }

    static Failure exitedAfterReady(ResolvedService service, ExitStatus status, Duration ran) {
        return new Failure(service.name(), status.describe() + " after running for " + Durations.format(ran)
                + " (it had been ready)", READ_LOG);
    }

    static Failure deadlinePassed(ResolvedService service, Duration deadline) {
        return new Failure(service.name(), "task still running at its deadline (timeout: " + Durations.format(deadline)
                + "); muster stopped it", "read its log below; if it is only slow, raise its timeout");
    }

    static Failure externalNotReady(ResolvedService service, String probe, PollOutcome readiness) {
        String last = readiness.last() == null ? "no attempt finished" : readiness.last().detail();
        return new Failure(service.name(), "external service not ready within its ready.timeout of "
                + Durations.format(service.spec().ready().timeout()) + " (" + Plurals.of(readiness.attempts(), "attempt")
                + "); the last probe (" + probe + ") said: " + last,
                "start it, or point the probe at where it runs; muster does not start external services");
    }
}
