package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Binds {@code lock:}: a path ({@code lock: /data/.muster.lock}) or {@code { path, timeout }}; absent is none. */
final class LockBinder {
    private final ProblemCollector problems;

    LockBinder(ProblemCollector problems) {
        this.problems = problems;
    }

    Optional<LockSpec> lock(Section root) {
        Optional<JsonNode> value = root.value("lock");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Duration timeout = Duration.ofSeconds(LockSpec.DEFAULT_TIMEOUT_SECONDS);
        Optional<String> path;
        if (value.get().isObject()) {
            Section lock = root.section("lock").orElseThrow();
            path = lock.required("path", "${DATA_DIR}/.muster.lock");
            timeout = lock.duration("timeout", true).orElse(timeout);
            lock.rejectUnknown();
        } else {
            path = root.text("lock");
        }
        if (path.isPresent() && path.get().isBlank()) {
            root.problem("lock", "is empty; write the lock file's path, e.g. lock: ${DATA_DIR}/.muster.lock,"
                    + " or remove lock:");
            return Optional.empty();
        }
        Duration wait = timeout;
        return path.map(p -> new LockSpec(Path.of(p.strip()), wait));
    }
}
