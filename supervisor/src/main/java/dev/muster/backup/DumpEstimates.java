package dev.muster.backup;

import dev.muster.profile.BackupSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * How long a backup's on-stop dump is expected to take, for the stop plan: one and a half times what the
 * newest dump in its directory took (its manifest's {@code duration_ms}), at least one second; 10 s
 * when there is no dump yet.
 */
public final class DumpEstimates {
    /** The estimate without an earlier dump. */
    public static final Duration WITHOUT_HISTORY = Duration.ofSeconds(10);

    private DumpEstimates() {
    }

    public static Duration expected(BackupSpec spec) {
        try {
            for (DumpSet set : new DumpCatalog(spec.name(), spec.to()).sets()) {
                Optional<Manifest> manifest = DumpCatalog.manifest(set);
                if (manifest.isPresent()) {
                    long millis = manifest.get().durationMillis() * 3 / 2;
                    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
                }
            }
        } catch (IOException | RuntimeException e) {
            return WITHOUT_HISTORY;
        }
        return WITHOUT_HISTORY;
    }
}
