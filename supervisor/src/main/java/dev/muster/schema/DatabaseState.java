package dev.muster.schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the guard found in the database, under its lock.
 *
 * @param tables      the number of user tables (ordinary and partitioned, not owned by an extension)
 *                    in each listed schema, in the listed order; a schema that does not exist has 0
 * @param lastApplied the newest record in muster's history table, or null when there is none
 */
record DatabaseState(Map<String, Integer> tables, Applied lastApplied) {

    /**
     * One row of {@code muster.schema_history}.
     *
     * @param file   the file name applied
     * @param sha256 its checksum then
     * @param at     when
     * @param host   the machine muster ran on
     */
    record Applied(String file, String sha256, Instant at, String host) {
    }

    DatabaseState {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    int total() {
        return tables.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<String> withTables() {
        return tables.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }

    List<String> empty() {
        return tables.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }

    /** "4 tables in core (3), audit (1)". */
    String describeTables() {
        List<String> with = withTables();
        return total() + (total() == 1 ? " table" : " tables") + " in " + with.stream()
                .map(s -> s + " (" + tables.get(s) + ")").collect(Collectors.joining(", "));
    }
}
