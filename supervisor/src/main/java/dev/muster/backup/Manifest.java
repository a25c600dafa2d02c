package dev.muster.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * What a dump is, written after its files were verified and renamed into place: the manifest's own
 * rename is the moment a dump becomes valid. A restore trusts a dump only when its files still have
 * the sizes and SHA-256 checksums recorded here.
 *
 * @param database      the database dumped
 * @param serverVersion PostgreSQL's {@code server_version} then
 * @param createdAt     when the dump started, ISO-8601 UTC
 * @param host          the host that wrote it
 * @param durationMillis how long dumping, verifying and writing took
 * @param dump          the pg_dump -Fc file
 * @param roles         the pg_dumpall --roles-only file
 * @param tables        user tables in the database then
 */
record Manifest(@JsonProperty("database") String database,
                @JsonProperty("server_version") String serverVersion,
                @JsonProperty("created_at") String createdAt,
                @JsonProperty("host") String host,
                @JsonProperty("duration_ms") long durationMillis,
                @JsonProperty("dump") Part dump,
                @JsonProperty("roles") Part roles,
                @JsonProperty("tables") int tables) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One file of a dump.
     *
     * @param file   its name in the backup directory
     * @param size   bytes
     * @param sha256 lower-case hex
     */
    record Part(@JsonProperty("file") String file, @JsonProperty("size") long size,
                @JsonProperty("sha256") String sha256) {
        Part {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    Manifest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(roles, "roles");
    }

    /** When the dump started. */
    Instant created() {
        return Instant.parse(createdAt);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("a manifest could not be written as JSON", e);
        }
    }

    static Manifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }
}
