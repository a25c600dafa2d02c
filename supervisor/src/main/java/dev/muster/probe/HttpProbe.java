package dev.muster.probe;

import dev.muster.profile.ProbeSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Ready when a GET answers the expected status (any 2xx by default) and, if given, a matching body.
 * An {@code http://} URL is fetched over a plain socket ({@link PlainHttpGet}); only {@code https://}
 * uses the JDK's HTTP client, created on the first such check.
 */
final class HttpProbe implements Probe {
    private static final int SHOWN_BODY = 200;

    private final ProbeSpec.Http spec;
    private final Supplier<HttpClient> client;

    /** @param client for https only, shared by every http probe of one muster: a client owns a thread until it is collected */
    HttpProbe(ProbeSpec.Http spec, Supplier<HttpClient> client) {
        this.spec = spec;
        this.client = client;
    }

    /** The client every http probe of one {@link Probes} shares. */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ProbeResult check(Duration timeout) {
        if ("http".equalsIgnoreCase(spec.url().getScheme())) {
            return plain(timeout);
        }
        HttpRequest request = HttpRequest.newBuilder(spec.url()).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.get().send(request, HttpResponse.BodyHandlers.ofString());
            return judge(response.statusCode(), response.body());
        } catch (IOException e) {
            return ProbeResult.notYet(Failures.describe(e, spec.url().toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.notYet("interrupted");
        }
    }

    private ProbeResult plain(Duration timeout) {
        try {
            PlainHttpGet.Reply reply = PlainHttpGet.get(spec.url(), timeout);
            return judge(reply.status(), reply.body());
        } catch (PlainHttpGet.Failed e) {
            return ProbeResult.notYet(e.getMessage());
        } catch (IOException e) {
            return ProbeResult.notYet(Failures.describe(e, spec.url().toString()));
        }
    }

    private ProbeResult judge(int status, String body) {
        boolean statusOk = spec.status() == 0 ? status >= 200 && status < 300 : status == spec.status();
        String seen = "HTTP " + status + " " + abbreviate(body);
        if (!statusOk) {
            String wanted = spec.status() == 0 ? "2xx" : String.valueOf(spec.status());
            return ProbeResult.notYet(seen + " (wanted " + wanted + ")");
        }
        if (spec.body() != null && !spec.body().matcher(body).find()) {
            return ProbeResult.notYet(seen + " (body does not match /" + spec.body().pattern() + "/)");
        }
        return ProbeResult.ready("HTTP " + status);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= SHOWN_BODY ? flat : flat.substring(0, SHOWN_BODY) + "...";
    }

    @Override
    public String describe() {
        return spec.describe();
    }
}
