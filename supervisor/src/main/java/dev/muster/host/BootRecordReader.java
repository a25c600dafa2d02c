package dev.muster.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the few facts {@link Leftovers} needs from a previous run's boot record ({@code boot.json}):
 * the supervisor's pid and each service's name, pid and start. A streaming read with Jackson's core
 * parser: building a data-binding mapper for it cost about 90 ms of start-up before the first launch.
 */
final class BootRecordReader {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What a boot record says about its processes.
     *
     * @param pid      the supervisor's pid (0 when absent)
     * @param services the services, in the record's order
     */
    record Processes(long pid, List<Service> services) {
        Processes {
            services = List.copyOf(services);
        }
    }

    /** One service of the record: {@code pid} 0 and {@code startedAt} empty when absent or null. */
    record Service(String name, long pid, String startedAt) {
    }

    private BootRecordReader() {
    }

    /** The record's processes; empty when the file cannot be read or is not a JSON object. */
    static Optional<Processes> read(Path record) {
        try (JsonParser parser = JSON.createParser(record.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            long pid = 0;
            List<Service> services = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("pid") && value == JsonToken.VALUE_NUMBER_INT) {
                    pid = parser.getLongValue();
                } else if (field.equals("services") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        services.add(service(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return Optional.of(new Processes(pid, services));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Service service(JsonParser parser) throws IOException {
        String name = "?";
        long pid = 0;
        String startedAt = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                name = parser.getText();
            } else if (field.equals("pid") && value == JsonToken.VALUE_NUMBER_INT) {
                pid = parser.getLongValue();
            } else if (field.equals("startedAt") && value == JsonToken.VALUE_STRING) {
                startedAt = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return new Service(name, pid, startedAt);
    }
}
