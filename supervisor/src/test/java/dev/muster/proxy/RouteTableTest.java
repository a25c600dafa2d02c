package dev.muster.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final URI FRONTEND = URI.create("http://127.0.0.1:3000");
    private static final URI BACKEND = URI.create("http://127.0.0.1:8000");
    private static final URI ADMIN = URI.create("http://127.0.0.1:9000");

    private final RouteTable table = RouteTable.of(routes());

    private static Map<String, URI> routes() {
        Map<String, URI> routes = new LinkedHashMap<>();
        routes.put("/", FRONTEND);
        routes.put("/api", BACKEND);
        routes.put("/api/admin/", ADMIN);
        return routes;
    }

    @Test
    void longestPrefixWinsWhateverTheDeclarationOrder() {
        assertThat(table.route("/api/admin/users").orElseThrow().upstream()).isEqualTo(ADMIN);
        assertThat(table.route("/api/admin").orElseThrow().upstream()).isEqualTo(ADMIN);
        assertThat(table.route("/api/items").orElseThrow().upstream()).isEqualTo(BACKEND);
        assertThat(table.route("/api").orElseThrow().upstream()).isEqualTo(BACKEND);
        assertThat(table.route("/").orElseThrow().upstream()).isEqualTo(FRONTEND);
    }

    @Test
    void prefixesMatchWholePathSegmentsOnly() {
        assertThat(table.route("/apix").orElseThrow().upstream()).isEqualTo(FRONTEND);
        assertThat(RouteTable.of(Map.of("/api", BACKEND)).route("/apix")).isEmpty();
        assertThat(RouteTable.of(Map.of("/api", BACKEND)).route("/other")).isEmpty();
    }
}
