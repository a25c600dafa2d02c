package dev.muster.client;

import dev.muster.control.Json;
import dev.muster.control.StatusDocument;
import dev.muster.ExitCodes;
import dev.muster.MusterException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Talks to a running supervisor's control plane, for {@code muster status}, {@code logs} and
 * {@code down}. "Nobody is listening" is an answer ({@link Optional#empty()}), not an error.
 */
public final class ControlClient {
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration REQUEST = Duration.ofSeconds(10);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    private final Json json = new Json();

    /** @param base the control plane's URL, such as {@code http://127.0.0.1:7860} */
    public ControlClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token;
    }

    public URI base() {
        return base;
    }

    /** The running stack's status, or empty when no supervisor answers. */
    public Optional<StatusDocument> status() {
        return get("/status").map(body -> json.read(body, StatusDocument.class));
    }

    /** The last {@code tail} lines of a service's log, or empty when no supervisor answers. */
    public Optional<String> logs(String service, int tail) {
        return get("/logs/" + service + "?tail=" + tail);
    }

    /**
     * Streams server-sent events from {@code path} to {@code events} (type, data) until the server
     * ends the stream or goes away; a server already shutting down (503) has nothing more to tell.
     * Returns false when no supervisor could be reached.
     */
    public boolean follow(String path, BiConsumer<String, String> events) {
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        if (response.statusCode() == 503) {
            response.body().close();
            return true;   // the server is shutting down (it lets requests in flight finish, refuses new ones)
        }
        check(path, response.statusCode(), "");
        String type = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.accept(type, data.substring(0, data.length() - 1));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5)).append('\n');
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // the server went away mid-stream: that is how a stop ends it
        }
        return true;
    }

    /** Asks for a graceful stop. Returns false when no supervisor answers. */
    public boolean down() {
        try {
            HttpResponse<String> response = http.send(request("/down").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            check("/down", response.statusCode(), response.body());
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Optional<String> get(String path) {
        try {
            HttpResponse<String> response = http.send(request(path).timeout(REQUEST).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            check(path, response.statusCode(), response.body());
            return Optional.of(response.body());
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (HttpTimeoutException e) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "the control plane at " + base + " did not answer " + path
                    + " within " + REQUEST.toSeconds() + "s; is muster hung? Try again, or look at its console");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(dev.muster.profile.ControlSpec.OWN_PREFIX + path));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private void check(String path, int status, String body) {
        if (status == 401) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "the control plane at " + base + " refused the request"
                    + " (401): it needs its token; set the variable named by control.token_env (or control.token_file)"
                    + " in the profile you pass with -p, or MUSTER_CONTROL_TOKEN");
        }
        if (status == 404) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "the control plane at " + base + " says " + path
                    + " does not exist: " + body.strip());
        }
        if (status >= 400) {
            throw new MusterException(ExitCodes.SERVICE_FAILED, "the control plane at " + base + " answered " + path
                    + " with HTTP " + status + ": " + body.strip());
        }
    }

    private MusterException unreachable(IOException e) {
        return new MusterException(ExitCodes.SERVICE_FAILED, "cannot talk to the control plane at " + base + ": " + e
                + "; check control.listen or MUSTER_CONTROL");
    }
}
