package dev.muster.profile;

/**
 * Produces the value of a declared secret. The generating implementation creates the secret's
 * file on first use; a read-only one only reads it. Failures are reported as
 * {@link dev.muster.MusterException} with the file and the fix.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The secret's value, without surrounding whitespace. */
    String resolve(SecretSpec spec);
}
