package dev.muster.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: every line must be a
 * HELP, TYPE or comment line or a well-formed sample; a family's TYPE comes before its samples and
 * only once; sample names fit their family's type (counter: NAME_total); no sample repeats; the text
 * ends with a newline. Anything else fails with the offending line.
 */
public final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("^# HELP (" + NAME + ") (.*)$");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)$");
    private static final Pattern SAMPLE = Pattern.compile("^(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");
    private static final Pattern VALUE = Pattern.compile("^([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]Inf|NaN)$");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    public static List<Sample> parse(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("exposition does not end with a newline");
        }
        Map<String, String> types = new HashMap<>();
        Set<String> helps = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        int number = 0;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            number++;
            String where = "line " + number + ": \"" + line + "\"";
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (help.matches()) {
                check(helps.add(help.group(1)), "second HELP for " + help.group(1), where);
            } else if (type.matches()) {
                check(!types.containsKey(type.group(1)), "second TYPE for " + type.group(1), where);
                check(samples.stream().noneMatch(s -> family(s.name(), types).equals(type.group(1))),
                        "TYPE after samples", where);
                types.put(type.group(1), type.group(2));
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Sample sample = sample(line, where);
                String family = family(sample.name(), types);
                check(types.containsKey(family), "sample without a TYPE line before it", where);
                check(fits(sample.name(), family, types.get(family)), "name does not fit its " + types.get(family), where);
                check(seen.add(sample.name() + sample.labels()), "repeated sample", where);
                samples.add(sample);
            }
        }
        return samples;
    }

    private static Sample sample(String line, String where) {
        Matcher m = SAMPLE.matcher(line);
        check(m.matches(), "not a sample", where);
        check(VALUE.matcher(m.group(4)).matches(), "value is not a float", where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null && !m.group(3).isEmpty()) {
            Matcher label = LABEL.matcher(m.group(3));
            int at = 0;
            while (at < m.group(3).length()) {
                check(label.find(at) && label.start() == at, "bad label set", where);
                check(labels.put(label.group(1), label.group(2)) == null, "repeated label " + label.group(1), where);
                at = label.end();
            }
        }
        String value = m.group(4);
        double parsed = value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(value);
        return new Sample(m.group(1), labels, parsed);
    }

    private static String family(String name, Map<String, String> types) {
        for (String suffix : List.of("_total", "_created", "_bucket", "_count", "_sum")) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static boolean fits(String name, String family, String type) {
        return switch (type) {
            case "counter" -> name.equals(family + "_total") || name.equals(family + "_created")
                    || name.equals(family) && family.endsWith("_total");
            case "gauge", "untyped" -> name.equals(family);
            default -> true;
        };
    }

    private static void check(boolean ok, String problem, String where) {
        if (!ok) {
            throw new AssertionError("malformed Prometheus text: " + problem + " at " + where);
        }
    }
}
