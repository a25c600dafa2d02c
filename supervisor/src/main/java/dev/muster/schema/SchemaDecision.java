package dev.muster.schema;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The guard's decision table, as a pure function of what was found and the file. Modelled on
 * Flyway's migrate: an empty database is initialised; a populated one is left alone; a database that
 * is neither (some schemas populated, or history without tables) is refused with what to do.
 */
final class SchemaDecision {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private SchemaDecision() {
    }

    static Verdict decide(String database, DatabaseState state, BootstrapFile file) {
        String schemas = String.join(", ", state.tables().keySet());
        DatabaseState.Applied applied = state.lastApplied();
        if (state.total() == 0 && applied == null) {
            return new Verdict(Verdict.Action.APPLY, "database " + database + " has no tables in " + schemas
                    + "; applying " + file.name() + " in one transaction");
        }
        if (state.total() == 0) {
            return new Verdict(Verdict.Action.REFUSE_EMPTIED, "database " + database + " has no tables in " + schemas
                    + ", but muster applied " + applied.file() + " there at " + TIME.format(applied.at()) + " from "
                    + applied.host() + " (muster.schema_history): its tables were dropped, or this is not the"
                    + " database you think; not applying " + file.name() + " again. To bootstrap it deliberately,"
                    + " run DELETE FROM muster.schema_history; and start again");
        }
        if (!state.empty().isEmpty()) {
            return new Verdict(Verdict.Action.REFUSE_PARTIAL, "database " + database + " is partly initialised: "
                    + state.describeTables() + ", but none in " + String.join(", ", state.empty())
                    + "; refusing to apply " + file.name() + file.destructiveNote() + " to it. Restore the missing"
                    + " schemas from a backup, create them with your migration tool, or remove them from schemas:"
                    + " if the file does not create tables in them");
        }
        String found = "database " + database + " has " + state.describeTables() + "; not applying " + file.name()
                + file.destructiveNote();
        if (applied != null && !applied.sha256().equals(file.sha256())) {
            return new Verdict(Verdict.Action.FILE_CHANGED, found + ". WARNING: " + file.name() + " changed since "
                    + applied.file() + " was applied at " + TIME.format(applied.at()) + " (sha256 "
                    + applied.sha256().substring(0, 12) + ", now " + file.shortSha() + "); the changes are not"
                    + " applied: put them in a migration");
        }
        String origin = applied == null ? " (not applied by muster: no record in muster.schema_history)"
                : " (applied " + TIME.format(applied.at()) + " from " + applied.host() + ")";
        return new Verdict(Verdict.Action.ALREADY_INITIALISED, found + origin + ". Nothing to do: this is a normal"
                + " restart");
    }
}
