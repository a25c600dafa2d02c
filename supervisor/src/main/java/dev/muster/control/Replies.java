package dev.muster.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small pieces every handler needs: writing a whole body, reading the query string. */
final class Replies {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    private Replies() {
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** A short JSON error: {@code {"error": "..."}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON, "{\"error\":" + quote(message) + "}\n");
    }

    /** Answers 405 unless the method is one of {@code allowed}; returns whether it was. */
    static boolean method(HttpExchange exchange, String... allowed) throws IOException {
        for (String method : allowed) {
            if (exchange.getRequestMethod().equals(method)) {
                return true;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        error(exchange, 405, exchange.getRequestMethod() + " is not allowed here; use " + String.join(" or ", allowed));
        return false;
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Whether a query flag is on: present and not "0" or "false". */
    static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** A non-negative integer parameter, or {@code fallback} when absent or not a number. */
    static int number(Map<String, String> query, String name, int fallback, int max) {
        try {
            return query.containsKey(name) ? Math.min(max, Math.max(0, Integer.parseInt(query.get(name)))) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
