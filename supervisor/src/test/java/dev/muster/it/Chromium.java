package dev.muster.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium opened on one page and driven over the DevTools protocol (a
 * WebSocket, {@code Runtime.evaluate} and {@code Page.captureScreenshot}), with a fresh profile
 * directory. {@link #close()} ends the browser and its helper processes.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> stderr = new ArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The browser, if Debian's chromium is installed. */
    static Optional<Path> binary() {
        return List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream().map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser on {@code url} with {@code profileDir} as its fresh user data directory. */
    static Chromium open(Path binary, String url, Path profileDir) throws Exception {
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--window-size=1360,1000", "--user-data-dir=" + profileDir, url).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserSocket = awaitDevTools(process);
        URI http = URI.create(browserSocket.replace("ws://", "http://")).resolve("/json/list");
        HttpClient client = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(client.send(HttpRequest.newBuilder(http).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = null;
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            throw new AssertionError("chromium has no page target: " + targets);
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    self[0].received(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new Chromium(process, socket);
        return self[0];
    }

    /** Evaluates a JavaScript expression in the page and returns its value as text. */
    String eval(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return result.path("result").path("value").asText();
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(Path file) throws IOException {
        JsonNode result = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(result.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                    .get(10, TimeUnit.SECONDS);
            JsonNode message = answer.get(20, TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new AssertionError(method + " failed: " + message.path("error"));
            }
            return message.path("result");
        } catch (Exception e) {
            throw new AssertionError("DevTools call " + method + " failed: " + e + "; chromium said: " + stderr, e);
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                Optional.ofNullable(pending.remove(message.path("id").asInt())).ifPresent(f -> f.complete(message));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitDevTools(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.add(line);
        }
        throw new AssertionError("chromium exited before its DevTools endpoint was up: " + String.join("\n", seen));
    }

    @Override
    public void close() {
        socket.abort();
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
    }
}
