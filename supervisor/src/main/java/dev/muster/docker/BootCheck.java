package dev.muster.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a booting container's {@code /health} to answer 200: one bounded request every
 * {@link #INTERVAL}, until the deadline, or at once when the container ends first.
 */
final class BootCheck {
    static final Duration INTERVAL = Duration.ofMillis(200);

    /**
     * @param healthy whether /health answered 200
     * @param detail  the last answer or error, for the report
     */
    record Outcome(boolean healthy, String detail) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Outcome await(String url, Duration timeout, CompletableFuture<?> ended) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (ended.isDone()) {
                return new Outcome(false, "the container ended before /health answered 200 (" + ended.join() + ")");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new Outcome(true, "HTTP 200");
                }
                last = "HTTP " + response.statusCode() + " " + response.body().replace('\n', ' ');
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, "interrupted");
            }
            try {
                ended.get(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not ended: ask again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, "interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                return new Outcome(false, "the container's wait failed: " + e.getCause());
            }
        }
        return new Outcome(false, "/health did not answer 200 within " + timeout.toSeconds() + "s; last: " + last);
    }
}
