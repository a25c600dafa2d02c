package dev.muster.profile;

import java.util.Locale;

/**
 * What a backup does on a fresh (empty) database, before the schema step ({@code backups.NAME.restore}).
 * {@code AUTO} (default) restores the newest valid dump when one exists; {@code REQUIRED} refuses to boot
 * without one; {@code NEVER} leaves the database alone.
 */
public enum RestoreMode {
    AUTO, NEVER, REQUIRED;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
