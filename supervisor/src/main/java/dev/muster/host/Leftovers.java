package dev.muster.host;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import dev.muster.process.ProcStat;
import dev.muster.process.Signal;
import dev.muster.process.Signals;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.profile.StopSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The previous run's services that outlived it. When a muster was killed (SIGKILL, the OOM killer)
 * on a machine without parent-death signals, or a service ignored its own, its boot record still
 * names processes that run on. Before the next boot (with the run lock held, so that muster is
 * surely gone), each one that is provably the same process (alive, leading its own process group,
 * started within {@value #SAME_START_SECONDS} s of when the record says) is stopped the way muster
 * would have: its stop signal to its process group, its stop timeout, then SIGKILL.
 */
public final class Leftovers {
    private static final long SAME_START_SECONDS = 3;

    private final Signals signals;
    private final Consumer<String> report;

    public Leftovers(Signals signals, Consumer<String> report) {
        this.signals = signals;
        this.report = report;
    }

    /** A service process the previous run left running. */
    record Leftover(String service, long pid) {
    }

    /** Stops what the boot record {@code record} names and still runs; returns how many there were. */
    public int stop(Path record, Profile profile) {
        List<Leftover> leftovers = find(record);
        for (Leftover leftover : leftovers) {
            ServiceSpec spec = profile.services().get(leftover.service());
            StopSpec stop = spec == null ? StopSpec.defaults() : spec.stop();
            report.accept("the previous run of this profile left " + leftover.service() + " (pid " + leftover.pid()
                    + ") running; stopping it with " + stop.signal().fullName() + " before booting");
            signals.signalGroup(leftover.pid(), stop.signal());
            if (!Processes.awaitExit(leftover.pid(), stop.timeout())) {
                signals.signalGroup(leftover.pid(), Signal.KILL);
                if (!Processes.awaitExit(leftover.pid(), Duration.ofSeconds(5))) {
                    throw new MusterException(ExitCodes.PREFLIGHT_FAILED, leftover.service() + " (pid " + leftover.pid()
                            + ") of the previous run does not stop, even after SIGKILL; end it (kill -9 -"
                            + leftover.pid() + ") and start again");
                }
            }
        }
        return leftovers.size();
    }

    List<Leftover> find(Path record) {
        if (!Files.isRegularFile(record)) {
            return List.of();
        }
        Optional<BootRecordReader.Processes> document = BootRecordReader.read(record);
        if (document.isEmpty() || document.get().pid() == ProcessHandle.current().pid()) {
            return List.of();
        }
        List<Leftover> leftovers = new ArrayList<>();
        for (BootRecordReader.Service service : document.get().services()) {
            if (service.pid() > 1 && !service.startedAt().isEmpty()
                    && sameProcess(service.pid(), Instant.parse(service.startedAt()))) {
                leftovers.add(new Leftover(service.name(), service.pid()));
            }
        }
        return leftovers;
    }

    private static boolean sameProcess(long pid, Instant recordedStart) {
        boolean leadsGroup = ProcStat.of(pid).filter(s -> s.state() != 'Z' && s.group() == pid).isPresent();
        return leadsGroup && Processes.startedAt(pid)
                .filter(start -> Math.abs(Duration.between(start, recordedStart).toSeconds()) <= SAME_START_SECONDS)
                .isPresent();
    }
}
