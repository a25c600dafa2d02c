package dev.muster.proxy;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's path prefixes and their upstreams; the longest prefix that matches a path at a segment
 * boundary wins ({@code /api} matches {@code /api} and {@code /api/x}, not {@code /apix}; {@code /}
 * matches everything).
 *
 * @param routes the routes, longest prefix first
 */
public record RouteTable(List<Route> routes) {
    /**
     * One path prefix and where it goes.
     *
     * @param prefix   starts with {@code /}; a trailing {@code /} is ignored except for {@code /} itself
     * @param upstream {@code http://host:port}
     */
    public record Route(String prefix, URI upstream) {
        boolean matches(String path) {
            String bare = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return bare.equals("/") || path.equals(bare) || path.startsWith(bare + "/");
        }
    }

    public RouteTable {
        routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    /** The table of {@code control.app} (prefix to upstream). */
    public static RouteTable of(Map<String, URI> app) {
        return new RouteTable(app.entrySet().stream().map(e -> new Route(e.getKey(), e.getValue())).toList());
    }

    /** The route for {@code path} (a request path without query), if any prefix matches. */
    public Optional<Route> route(String path) {
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }
}
