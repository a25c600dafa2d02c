package dev.muster.control;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Lets a request through only with the control token: {@code Authorization: Bearer TOKEN}, or the
 * {@code muster_token} cookie a browser gets by opening {@code /?token=TOKEN} once (then redirected
 * to the clean URL). Both sides are hashed with SHA-256 and compared with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of the token leaks through
 * timing. Without a configured token every request passes (loopback only; preflight enforces that).
 */
final class BearerAuth extends Filter {
    static final String COOKIE = "muster_token";

    private final byte[] expected;

    BearerAuth(Optional<String> token) {
        this.expected = token.map(BearerAuth::digest).orElse(null);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (expected == null) {
            chain.doFilter(exchange);
            return;
        }
        String fromQuery = Replies.query(exchange).get("token");
        if (fromQuery != null && matches(fromQuery) && exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + fromQuery + "; Path=/; HttpOnly; SameSite=Strict");
            Object prefix = exchange.getAttribute(ExchangeBridge.PREFIX);
            exchange.getResponseHeaders().set("Location", (prefix == null ? "" : prefix) + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
            return;
        }
        if (presented(exchange).map(this::matches).orElse(false)) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"muster\"");
        Replies.error(exchange, 401, "this control plane needs its token: send Authorization: Bearer TOKEN"
                + " (the value of control.token_env or control.token_file), or open /?token=TOKEN in a browser");
    }

    /** Whether {@code exchange} carries the token (always, when none is configured). */
    boolean permits(HttpExchange exchange) {
        return expected == null || presented(exchange).map(this::matches).orElse(false);
    }

    /** Whether a token is configured. */
    boolean required() {
        return expected != null;
    }

    @Override
    public String description() {
        return "bearer token";
    }

    private static Optional<String> presented(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        for (String cookies : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String cookie : cookies.split(";")) {
                String trimmed = cookie.strip();
                if (trimmed.startsWith(COOKIE + "=")) {
                    return Optional.of(trimmed.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(String token) {
        return MessageDigest.isEqual(expected, digest(token));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
