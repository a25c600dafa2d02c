package dev.muster.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code control.app}: one upstream URL (served at {@code /}) or a map of path prefix to
 * upstream URL. A prefix starts with {@code /} and does not start with {@code /_muster}; an upstream
 * is {@code http://host:port} or {@code ws://host:port} with no path, query or credentials (the
 * request's path is forwarded as it came).
 */
final class AppBinder {
    private final ProblemCollector problems;
    private final Scalars scalars;

    AppBinder(ProblemCollector problems) {
        this.problems = problems;
        this.scalars = new Scalars(problems);
    }

    Map<String, URI> bind(Optional<JsonNode> value, String path) {
        Map<String, URI> routes = new LinkedHashMap<>();
        if (value.isEmpty() || value.get().isNull()) {
            return routes;
        }
        JsonNode node = value.get();
        if (!node.isObject()) {
            scalars.text(node, path).flatMap(text -> upstream(text, path)).ifPresent(uri -> routes.put("/", uri));
            return routes;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            String prefix = field.getKey().strip();
            if (!prefix.startsWith("/")) {
                problems.add(at, "the path prefix '" + prefix + "' must start with /; write it like /api");
                continue;
            }
            if (prefix.equals(ControlSpec.OWN_PREFIX) || prefix.startsWith(ControlSpec.OWN_PREFIX + "/")) {
                problems.add(at, prefix + " is muster's own; choose another path prefix for the app");
                continue;
            }
            scalars.text(field.getValue(), at).flatMap(text -> upstream(text, at)).ifPresent(uri -> routes.put(prefix, uri));
        }
        if (node.isEmpty()) {
            problems.add(path, "is an empty map; give at least one path prefix, like \"/\": http://127.0.0.1:3000");
        }
        return routes;
    }

    private Optional<URI> upstream(String text, String path) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            problems.add(path, "'" + text + "' is not a URL; write it like http://127.0.0.1:3000");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        String problem = null;
        if (!scheme.equals("http") && !scheme.equals("ws")) {
            problem = "must be http:// or ws:// (muster talks plain HTTP to an app on this machine or network)";
        } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
            problem = "has no host";
        } else if (uri.getPort() < 1 || uri.getPort() > 65535) {
            problem = "needs an explicit port (1-65535)";
        } else if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            problem = "must be only scheme://host:port (the request's path is forwarded unchanged)";
        }
        if (problem != null) {
            problems.add(path, "'" + text + "' " + problem + "; write it like http://127.0.0.1:3000");
            return Optional.empty();
        }
        return Optional.of(URI.create("http://" + uri.getRawAuthority()));
    }
}
