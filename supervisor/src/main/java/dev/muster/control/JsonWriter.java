package dev.muster.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the control plane's values as JSON through Jackson's streaming generator, without data
 * binding: records (their components, in declaration order, nulls included), maps (in their
 * iteration order), collections, strings, numbers, booleans, enums (by name) and null. Escaping and
 * the default pretty printer are jackson-core's, so the output is what {@code ObjectMapper} writes
 * for the same values ({@code JsonWriterTest} holds it to that) and the boot record and every answer
 * keep their shape. It exists because binding the first record pulled ~150 classes (serializers,
 * annotation introspection, reflection proxies) into every {@code muster up}. Thread-safe.
 */
final class JsonWriter {
    private final JsonFactory factory = new JsonFactory();
    private final Map<Class<?>, Component[]> components = new ConcurrentHashMap<>();

    /** One record component: its JSON key and its accessor. */
    private record Component(String name, Method accessor) {
    }

    String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            if (pretty) {
                json.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            value(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to memory: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof CharSequence || value instanceof Character) {
            json.writeString(value.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Float f) {
            json.writeNumber(f);
        } else if (value instanceof BigInteger i) {
            json.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (value instanceof Record record) {
            record(json, record);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName()
                    + "; the control plane writes records, maps, lists, strings, numbers and booleans");
        }
    }

    private void record(JsonGenerator json, Record record) throws IOException {
        json.writeStartObject();
        for (Component component : components.computeIfAbsent(record.getClass(), JsonWriter::componentsOf)) {
            json.writeFieldName(component.name());
            value(json, read(component.accessor(), record));
        }
        json.writeEndObject();
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " for JSON: " + e, e);
        }
    }

    private static Component[] componentsOf(Class<?> type) {
        RecordComponent[] declared = type.getRecordComponents();
        Component[] result = new Component[declared.length];
        for (int i = 0; i < declared.length; i++) {
            Method accessor = declared[i].getAccessor();
            accessor.setAccessible(true);
            result[i] = new Component(declared[i].getName(), accessor);
        }
        return result;
    }
}
