package dev.muster.schema;

import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bootstrap SQL file of a schema guard, read once: its text, its SHA-256, the destructive
 * statements it contains ({@code DROP SCHEMA}, {@code DROP TABLE}, {@code TRUNCATE}), and what would
 * break applying it in one transaction (transaction control, psql meta-commands).
 *
 * @param path        where it was read
 * @param sql         its content (UTF-8)
 * @param sha256      hex SHA-256 of its bytes
 * @param destructive top-level statements that destroy data, for warnings
 * @param unusable    top-level statements the guard cannot apply in one JDBC transaction; empty when fine
 */
record BootstrapFile(Path path, String sql, String sha256, List<SqlText.Finding> destructive,
                     List<String> unusable) {
    private static final Pattern DESTRUCTIVE = Pattern.compile(
            "(?i)\\b(?:DROP\\s+SCHEMA|DROP\\s+TABLE|TRUNCATE)\\b");
    private static final Pattern TRANSACTION = Pattern.compile(
            "(?im)^[ \\t]*(?:BEGIN|COMMIT|ROLLBACK|END|START[ \\t]+TRANSACTION)(?:[ \\t]+(?:WORK|TRANSACTION))?[ \\t]*;");
    private static final Pattern META = Pattern.compile("(?m)^[ \\t]*\\\\[a-zA-Z!]+");

    BootstrapFile {
        destructive = List.copyOf(destructive);
        unusable = List.copyOf(unusable);
    }

    /** @throws MusterException (exit 1) when the file cannot be read */
    static BootstrapFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "cannot read the bootstrap file " + path + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); fix apply: or put the file in the image");
        }
        String sql = new String(bytes, StandardCharsets.UTF_8);
        SqlText text = SqlText.of(sql);
        List<String> unusable = new ArrayList<>();
        text.find(TRANSACTION).forEach(f -> unusable.add(f + " (muster applies the whole file in one transaction"
                + " itself; remove the transaction control)"));
        text.find(META).forEach(f -> unusable.add(f + " (a psql meta-command; muster applies plain SQL over JDBC;"
                + " remove it)"));
        return new BootstrapFile(path, sql, sha256(bytes), text.find(DESTRUCTIVE), unusable);
    }

    String name() {
        return path.getFileName().toString();
    }

    /** The first 12 hex digits, for messages. */
    String shortSha() {
        return sha256.substring(0, 12);
    }

    /** "it would DROP SCHEMA core (line 1)", or "" when the file destroys nothing. */
    String destructiveNote() {
        if (destructive.isEmpty()) {
            return "";
        }
        SqlText.Finding first = destructive.get(0);
        return " (it contains " + first.text() + " at line " + first.line()
                + (destructive.size() > 1 ? " and " + (destructive.size() - 1) + " more destructive statements" : "") + ")";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
