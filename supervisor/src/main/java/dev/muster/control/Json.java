package dev.muster.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes and reads the control plane's JSON (records, compact or indented). Writing is
 * {@link JsonWriter}'s (no data binding on the supervisor's path); reading, which only the client
 * commands do, binds with Jackson, set up on the first read.
 */
public final class Json {
    private final JsonWriter writer = new JsonWriter();
    private volatile ObjectMapper mapper;

    /** One line, as SSE data and HTTP bodies use. */
    public String compact(Object value) {
        return writer.write(value, false);
    }

    /** Indented, for people and files (Jackson's default pretty printing). */
    public String pretty(Object value) {
        return writer.write(value, true);
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return mapper().readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private ObjectMapper mapper() {
        ObjectMapper current = mapper;
        if (current == null) {
            current = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            mapper = current;
        }
        return current;
    }
}
