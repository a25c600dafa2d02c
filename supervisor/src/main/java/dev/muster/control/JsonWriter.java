package dev.muster.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the control plane's values as JSON without a data-binding library: records (their
 * components, in declaration order, nulls included), maps (in their iteration order), collections,
 * strings, numbers, booleans, enums (by name) and null. The output is byte for byte what Jackson's
 * {@code ObjectMapper} writes for the same values, compact or with its default pretty printer
 * ({@code JsonWriterTest} holds it to that), so the boot record and every answer keep their shape;
 * it exists because binding the first record pulled ~150 classes (serializers, annotation
 * introspection, reflection proxies) into every {@code muster up}. Thread-safe.
 */
final class JsonWriter {
    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();
    private final Map<Class<?>, String[]> names = new ConcurrentHashMap<>();

    String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder(256);
        value(out, value, pretty ? 0 : -1);
        return out.toString();
    }

    /** {@code depth} is the nesting level when pretty, -1 when compact. */
    private void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            string(out, value.toString());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(value);
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else if (value instanceof Record record) {
            record(out, record, depth);
        } else if (value instanceof Map<?, ?> map) {
            map(out, map, depth);
        } else if (value instanceof Collection<?> items) {
            array(out, items, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName()
                    + "; the control plane writes records, maps, lists, strings, numbers and booleans");
        }
    }

    private void record(StringBuilder out, Record record, int depth) {
        Class<?> type = record.getClass();
        Method[] methods = accessors.computeIfAbsent(type, JsonWriter::accessorsOf);
        String[] keys = names.computeIfAbsent(type, JsonWriter::namesOf);
        out.append('{');
        for (int i = 0; i < methods.length; i++) {
            entry(out, keys[i], read(methods[i], record), i, depth);
        }
        close(out, '}', methods.length, depth);
    }

    private void map(StringBuilder out, Map<?, ?> map, int depth) {
        out.append('{');
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entry(out, String.valueOf(entry.getKey()), entry.getValue(), i++, depth);
        }
        close(out, '}', i, depth);
    }

    private void entry(StringBuilder out, String key, Object value, int index, int depth) {
        if (index > 0) {
            out.append(',');
        }
        if (depth >= 0) {
            newline(out, depth + 1);
        }
        string(out, key);
        out.append(depth >= 0 ? " : " : ":");
        value(out, value, depth < 0 ? -1 : depth + 1);
    }

    /** Jackson's default pretty printer puts array elements on one line: {@code [ "a", "b" ]}. */
    private void array(StringBuilder out, Collection<?> items, int depth) {
        out.append('[');
        int i = 0;
        for (Object item : items) {
            out.append(i++ > 0 ? (depth >= 0 ? ", " : ",") : (depth >= 0 ? " " : ""));
            value(out, item, depth);
        }
        if (depth >= 0) {
            out.append(' ');
        }
        out.append(']');
    }

    private static void close(StringBuilder out, char bracket, int entries, int depth) {
        if (depth >= 0) {
            if (entries > 0) {
                newline(out, depth);
            } else {
                out.append(' ');
            }
        }
        out.append(bracket);
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Escapes as Jackson does: {@code " \ } and control characters; short forms for \b \t \n \f \r. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " for JSON: " + e, e);
        }
    }

    private static Method[] accessorsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Method[] methods = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            methods[i] = components[i].getAccessor();
            methods[i].setAccessible(true);
        }
        return methods;
    }

    private static String[] namesOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] keys = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            keys[i] = components[i].getName();
        }
        return keys;
    }
}
