package dev.muster.supervisor;

import dev.muster.profile.Kind;
import dev.muster.profile.ServiceSpec;
import java.time.Duration;

/** Copies of loaded specs with the settings whose profile keys another branch adds. */
final class Specs {
    private Specs() {
    }

    static ServiceSpec with(ServiceSpec s, Kind kind, Duration timeout, boolean enabled) {
        return new ServiceSpec(s.name(), kind, s.command(), s.shell(), s.env(), s.cwd(), s.user(), s.dependsOn(),
                s.ready(), s.stop(), s.log(), s.required(), s.creates(), s.live(), s.restart(), s.schema(),
                s.migrations(), s.container(), s.restartWith(), timeout, enabled);
    }
}
