package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.process.Signal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds a service's {@code stop:} ({@code signal}, {@code timeout}) and {@code log:}
 * ({@code file}, {@code max_size}, {@code keep}; a plain string is the file).
 */
final class ServicePartsBinder {
    private final ProblemCollector problems;
    private final Scalars scalars;

    ServicePartsBinder(ProblemCollector problems) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    /**
     * Default signal: INT for PostgreSQL (its "fast shutdown"), TERM for everything else. A service is
     * PostgreSQL when its ready probe is a postgres probe, or its command runs postgres/postmaster or
     * passes a data directory ({@code -D DIR}, {@code --pgdata}), so a wrapper script that execs
     * PostgreSQL gets INT too.
     */
    StopSpec stop(Section service, List<String> command, ReadySpec ready) {
        boolean postgres = ready.probe() instanceof ProbeSpec.Postgres || isPostgres(command);
        Signal defaultSignal = postgres ? Signal.INT : Signal.TERM;
        Optional<Section> stop = service.section("stop");
        if (stop.isEmpty()) {
            return new StopSpec(defaultSignal, StopSpec.DEFAULT_TIMEOUT);
        }
        Signal signal = stop.get().text("signal").flatMap(text -> signal(text, stop.get().pathOf("signal")))
                .orElse(defaultSignal);
        StopSpec spec = new StopSpec(signal, stop.get().duration("timeout", false).orElse(StopSpec.DEFAULT_TIMEOUT));
        stop.get().rejectUnknown();
        return spec;
    }

    /** The log spec, or null when the service has no {@code log:}. */
    LogSpec log(Section service, String name) {
        Optional<JsonNode> value = service.value("log");
        if (value.isPresent() && value.get().isTextual()) {
            return new LogSpec(Path.of(value.get().textValue()), LogSpec.DEFAULT_MAX_SIZE, LogSpec.DEFAULT_KEEP);
        }
        Optional<Section> log = service.section("log");
        if (log.isEmpty()) {
            return null;
        }
        Optional<String> file = log.get().required("file", "/var/log/" + name + ".log");
        long maxSize = log.get().text("max_size").flatMap(text -> size(text, log.get().pathOf("max_size")))
                .orElse(LogSpec.DEFAULT_MAX_SIZE);
        int keep = log.get().integer("keep", 0, 1000).orElse(LogSpec.DEFAULT_KEEP);
        log.get().rejectUnknown();
        return file.map(f -> new LogSpec(Path.of(f), maxSize, keep)).orElse(null);
    }

    private Optional<Signal> signal(String text, String path) {
        Optional<Signal> signal = Signal.parse(text);
        if (signal.isEmpty()) {
            String names = Arrays.stream(Signal.values()).map(Signal::name).collect(Collectors.joining(", "));
            problems.add(path, "\"" + text + "\" is not a signal; write one of " + names);
        }
        return signal;
    }

    private Optional<Long> size(String text, String path) {
        Optional<Long> size = ByteSizes.parse(text).filter(bytes -> bytes > 0);
        if (size.isEmpty()) {
            problems.add(path, "\"" + text + "\" is not a size; write it like 10MB, 512KB or 1GB");
        }
        return size;
    }

    /** Whether {@code command} runs PostgreSQL: by its program's name, or a data directory argument. */
    static boolean isPostgres(List<String> command) {
        if (command.isEmpty()) {
            return false;
        }
        Path program = Path.of(command.get(0)).getFileName();
        String name = program == null ? "" : program.toString();
        if (name.equals("postgres") || name.equals("postmaster")) {
            return true;
        }
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if ((arg.equals("-D") && i + 1 < command.size()) || arg.startsWith("--pgdata")) {
                return true;
            }
        }
        return false;
    }
}
