package dev.muster.status;

import dev.muster.process.ExitStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a service's run ended or why it failed, typed until one of these methods renders it: the
 * one wording shared by the console, the failure report, {@code /status}, the boot record and the
 * dashboard. Probe texts are the probes' own result details.
 */
public sealed interface Cause {
    /** What happened: "exited with code 3 before it was ready (ran 840ms)". */
    String reason();

    /** What to do next; empty when {@link #reason()} already says it. */
    String fix();

    /** The short form a restart announcement and a crash loop's run list use: "exited with code 1". */
    default String brief() {
        return reason();
    }

    /** One line per earlier run, for a crash loop; empty otherwise. */
    default List<String> history() {
        return List.of();
    }

    /** The fix of every failure whose cause is in the service's own log. */
    String READ_LOG = "fix the cause shown in its log below, then start the stack again";

    /** The launch itself failed (command not found, no such user); {@code why} says how. */
    record LaunchFailed(String why) implements Cause {
        public String reason() {
            return "could not be launched: " + why;
        }

        public String fix() {
            return "check the command, its working directory and the user it runs as";
        }
    }

    /** A task ended with a non-zero status after {@code ran}. */
    record TaskFailed(ExitStatus status, Duration ran) implements Cause {
        public String reason() {
            return "task " + status.describe() + " after " + Durations.format(ran);
        }

        public String fix() {
            return READ_LOG;
        }
    }

    /** The process ended before its ready probe passed; {@code lastProbe} is "" when no attempt finished. */
    record ExitedBeforeReady(ExitStatus status, Duration ran, String lastProbe) implements Cause {
        public String reason() {
            return status.describe() + " before it was ready (ran " + Durations.format(ran)
                    + (lastProbe.isEmpty() ? "" : "; the last probe said: " + lastProbe) + ")";
        }

        public String fix() {
            return READ_LOG;
        }

        public String brief() {
            return status.describe() + " before it was ready";
        }
    }

    /** The ready probe did not pass within {@code timeout}; {@code lastProbe} is "" when no attempt finished. */
    record NotReady(Duration timeout, int attempts, String probe, String lastProbe) implements Cause {
        public String reason() {
            return "not ready within its ready.timeout of " + Durations.format(timeout) + " (" + Plurals.of(attempts, "attempt")
                    + "); the last probe (" + probe + ") said: " + (lastProbe.isEmpty() ? "no attempt finished" : lastProbe);
        }

        public String fix() {
            return "check that it listens where the probe looks and read its log below; if it is only slow, raise ready.timeout";
        }

        public String brief() {
            return "not ready within " + Durations.format(timeout);
        }
    }

    /** The ready probe failed in a way waiting cannot fix (a wrong password, say). */
    record ProbeFailed(String probe, String detail) implements Cause {
        public String reason() {
            return "its ready probe (" + probe + ") failed, and waiting cannot fix it: " + detail;
        }

        public String fix() {
            return "fix what the probe says above, then start the stack again";
        }

        public String brief() {
            return "its ready probe failed for good";
        }
    }

    /** The liveness probe failed {@code failures} times in a row. */
    record NotLive(int failures, String detail) implements Cause {
        public String reason() {
            return "failed its liveness check " + failures + " times in a row; the last said: " + detail;
        }

        public String fix() {
            return "read its log below; if the check is too strict, raise live.failures, live.timeout or live.period";
        }

        public String brief() {
            return "failed its liveness check: " + detail;
        }
    }

    /** A ready service's process ended after {@code ran}. */
    record ExitedAfterReady(ExitStatus status, Duration ran) implements Cause {
        public String reason() {
            return status.describe() + " after running for " + Durations.format(ran) + " (it had been ready)";
        }

        public String fix() {
            return READ_LOG;
        }

        public String brief() {
            return status.describe();
        }
    }

    /** A task was still running at its {@code timeout}, and muster stopped it. */
    record DeadlinePassed(Duration deadline) implements Cause {
        public String reason() {
            return "task still running at its deadline (timeout: " + Durations.format(deadline) + "); muster stopped it";
        }

        public String fix() {
            return "read its log below; if it is only slow, raise its timeout";
        }
    }

    /** An external service's probe did not pass within {@code timeout}. */
    record ExternalNotReady(Duration timeout, int attempts, String probe, String lastProbe) implements Cause {
        public String reason() {
            return "external service not ready within its ready.timeout of " + Durations.format(timeout) + " ("
                    + Plurals.of(attempts, "attempt") + "); the last probe (" + probe + ") said: "
                    + (lastProbe.isEmpty() ? "no attempt finished" : lastProbe);
        }

        public String fix() {
            return "start it, or point the probe at where it runs; muster does not start external services";
        }
    }

    /** muster could no longer read the service's output, so it stopped the service. */
    record OutputUnreadable(String why) implements Cause {
        public String reason() {
            return "muster could no longer read its output (" + why + ")";
        }

        public String fix() {
            return "read muster's own messages above; the service was stopped so it cannot block on a full pipe";
        }

        public String brief() {
            return "its output could not be read: " + why;
        }
    }

    /** This muster has no step for the entry's {@code kind}. */
    record KindUnsupported(String kind) implements Cause {
        public String reason() {
            return "this muster cannot run kind " + kind + " steps";
        }

        public String fix() {
            return "use a muster version that supports it";
        }
    }

    /** An in-process step (schema, database, migrations) failed; its message says what to do. */
    record StepFailed(String message) implements Cause {
        public String reason() {
            return message;
        }

        public String fix() {
            return "";
        }
    }

    /** More than {@code max} restarts within {@code window}: muster stopped retrying. */
    record CrashLoop(int restarts, Duration window, int max, Cause last, List<PastRun> runs) implements Cause {
        public CrashLoop {
            Objects.requireNonNull(last, "last");
            runs = List.copyOf(runs);
        }

        /** "crash loop: 5 restarts within 5m (restart.max is 5)". */
        public static String summary(int restarts, Duration window, int max) {
            return "crash loop: " + restarts + (restarts == 1 ? " restart" : " restarts") + " within "
                    + window.toString().substring(2).toLowerCase(Locale.ROOT) + " (restart.max is " + max + ")";
        }

        public String reason() {
            return summary(restarts, window, max) + "; the last run: " + last.reason();
        }

        public String fix() {
            return "fix the cause shown in its log below; muster stops retrying so the failure is not hidden";
        }

        public List<String> history() {
            return runs.stream().map(PastRun::line).toList();
        }
    }

    /**
     * One earlier run of a crash loop.
     *
     * @param endedAt when it ended
     * @param cause   how it ended
     * @param lived   from its launch to its end
     */
    record PastRun(Instant endedAt, Cause cause, Duration lived) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

        /** "12:00:01.120Z  exited with code 1 after 120ms". */
        public String line() {
            return TIME.format(endedAt) + "Z  " + cause.brief() + " after " + Durations.format(lived);
        }
    }
}
