package dev.muster.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP to a running muster's control plane, whose URL it reads from muster's console. */
final class ControlHttp {
    private static final Pattern ANNOUNCED = Pattern.compile("control plane on (http://(?:\\[[^\\]]+\\]|[^\\s/:]+):\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    private ControlHttp(URI base) {
        this.base = base;
    }

    /** Waits for muster to announce its control plane and returns a client for it. */
    static ControlHttp of(MusterRun run) {
        Matcher m = ANNOUNCED.matcher(run.awaitLine("control plane on http://", Duration.ofSeconds(30)).text());
        if (!m.find()) {
            throw new AssertionError("cannot read the control plane's URL\n" + run.transcript());
        }
        return new ControlHttp(URI.create(m.group(1)));
    }

    URI base() {
        return base;
    }

    /** The same port on 127.0.0.1 (for a server bound to a wildcard address). */
    ControlHttp onLoopback() {
        return new ControlHttp(URI.create("http://127.0.0.1:" + base.getPort()));
    }

    HttpResponse<String> get(String path) {
        return get(path, null);
    }

    HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + base.resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int status(String path) {
        return get(path).statusCode();
    }
}
