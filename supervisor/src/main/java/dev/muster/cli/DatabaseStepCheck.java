package dev.muster.cli;

import dev.muster.database.PgConnector;
import dev.muster.profile.Profile;
import dev.muster.profile.ServiceSpec;
import dev.muster.schema.MigrationsStep;
import dev.muster.schema.SchemaGuard;
import dev.muster.schema.StepPreview;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The part of {@code muster check} that says what each {@code kind: schema}, {@code kind: database} and
 * {@code kind: migrations} step would do now (apply, leave alone, refuse), changing nothing, and
 * warns about destructive statements in bootstrap files.
 */
final class DatabaseStepCheck {
    private DatabaseStepCheck() {
    }

    /** Prints one block per database step; returns whether any of them cannot work as configured. */
    static boolean report(Profile profile, PrintStream out) {
        PgConnector connector = new PgConnector();
        boolean blocking = false;
        for (ServiceSpec spec : profile.services().values()) {
            StepPreview preview;
            if (spec.schema() != null) {
                preview = new SchemaGuard(connector, Clock.systemUTC(), "check").preview(spec.schema());
            } else if (spec.migrations() != null) {
                preview = new MigrationsStep(connector).preview(spec.migrations());
            } else if (spec.setup() != null) {
                out.println(spec.name() + " (" + spec.kind().yamlName() + "):");
                out.println("  " + new dev.muster.database.DatabaseSetupStep(connector).preview(spec.setup()));
                continue;
            } else {
                continue;
            }
            out.println(spec.name() + " (" + spec.kind().yamlName() + "):");
            preview.lines().forEach(line -> out.println("  " + line));
            blocking |= preview.blocking();
        }
        return blocking;
    }
}
