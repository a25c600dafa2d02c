package dev.muster.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 GET of an {@code http://} URL over a plain socket, for probes: connect, send the
 * request with {@code Connection: close}, read the status line, the headers (at most
 * {@value #MAX_HEADER} bytes) and the body (at most {@value #MAX_BODY} bytes; the rest
 * is not read). No redirects are followed. Loads a handful of classes and starts no thread, where
 * the JDK's {@code HttpClient} loads hundreds and keeps a selector thread.
 */
final class PlainHttpGet {
    static final int MAX_HEADER = 16 * 1024;
    static final int MAX_BODY = 64 * 1024;
    private static final Duration CONNECT = Duration.ofSeconds(2);

    /** What came back: the status code and the body, cut at {@value #MAX_BODY} bytes. */
    record Reply(int status, String body) {
    }

    /** The connection could not be made or the server did not answer in time; the message is for a report. */
    static final class Failed extends IOException {
        Failed(String message) {
            super(message);
        }
    }

    private PlainHttpGet() {
    }

    /**
     * @param timeout the whole attempt's budget; connecting gets at most 2 s of it
     */
    static Reply get(URI url, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        String target = url.toString();
        if (url.getHost() == null) {
            throw new IOException("no host in " + target);
        }
        try (Socket socket = new Socket()) {
            int connectMillis = (int) Math.max(1, Math.min(CONNECT.toMillis(), timeout.toMillis()));
            try {
                socket.connect(new InetSocketAddress(url.getHost(), port), connectMillis);
            } catch (SocketTimeoutException e) {
                throw new Failed(Failures.connectTimedOut(target));
            }
            socket.setTcpNoDelay(true);
            try {
                send(socket.getOutputStream(), url, port);
                return read(new DeadlineInput(socket, deadline));
            } catch (SocketTimeoutException e) {
                throw new Failed(Failures.noAnswer(target));
            }
        }
    }

    private static void send(OutputStream out, URI url, int port) throws IOException {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String host = url.getHost();
        host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String request = "GET " + path + query + " HTTP/1.1\r\n"
                + "Host: " + host + (url.getPort() > 0 ? ":" + port : "") + "\r\n"
                + "User-Agent: muster-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Reply read(DeadlineInput in) throws IOException {
        String statusLine = in.line();
        int status = status(statusLine);
        long length = -1;
        boolean chunked = false;
        for (String header = in.line(); !header.isEmpty(); header = in.line()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = parseLength(value);
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        in.headerBytes = 0;
        byte[] body = chunked ? in.chunked(MAX_BODY) : in.bytes(length < 0 ? MAX_BODY : Math.min(length, MAX_BODY));
        return new Reply(status, new String(body, StandardCharsets.UTF_8));
    }

    private static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
            throw new IOException("not an HTTP/1.x status line: " + shown.replaceAll("\\p{Cntrl}", "?"));
        }
        return Integer.parseInt(parts[1]);
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("invalid Content-Length: " + value);
        }
    }

    /** Reads from a socket with every read bounded by what is left of one deadline, and the header bounded in size. */
    private static final class DeadlineInput {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private int headerBytes;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.deadline = deadline;
        }

        private int next() throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            return in.read();
        }

        /** A header line without its CRLF; the whole header is bounded by {@link #MAX_HEADER}. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = next(); b != '\n'; b = next()) {
                if (b < 0) {
                    throw new IOException(line.length() == 0 && headerBytes == 0
                            ? "the server closed the connection without an answer" : "the answer ended inside its header");
                }
                if (++headerBytes > MAX_HEADER) {
                    throw new IOException("the answer's header is longer than " + MAX_HEADER + " bytes");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        byte[] bytes(long limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b; out.size() < limit && (b = next()) >= 0; ) {
                out.write(b);
            }
            return out.toByteArray();
        }

        byte[] chunked(int limit) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() < limit) {
                String size = line().split(";", 2)[0].trim();
                int chunk;
                try {
                    chunk = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("invalid chunk size: " + size);
                }
                if (chunk <= 0) {
                    break;
                }
                out.writeBytes(bytes(Math.min(chunk, limit - out.size())));
                if (out.size() < limit) {
                    line();
                }
            }
            return out.toByteArray();
        }
    }
}
