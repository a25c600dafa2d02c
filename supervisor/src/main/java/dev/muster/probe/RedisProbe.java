package dev.muster.probe;

import dev.muster.profile.ProbeSpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready when Redis answers {@code PING} with {@code PONG}, after {@code AUTH [user] password} when
 * a password is set and {@code SELECT db} when the database is not 0 (a database the server does
 * not have is fatal). Spoken in RESP over a plain socket. Not yet: refused, no answer, {@code LOADING}
 * (the dataset is still being read), {@code MASTERDOWN}, {@code BUSY}. Fatal: a wrong password or
 * user, or a password the server requires and the probe lacks.
 */
final class RedisProbe implements Probe {
    private static final int MAX_REPLY = 4096;

    private final ProbeSpec.Redis spec;

    RedisProbe(ProbeSpec.Redis spec) {
        this.spec = spec;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        String target = spec.host() + ":" + spec.port();
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(spec.host(), spec.port()), millis);
            socket.setSoTimeout(millis);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (spec.password() != null) {
                List<String> auth = new ArrayList<>(List.of("AUTH"));
                if (spec.user() != null) {
                    auth.add(spec.user());
                }
                auth.add(spec.password());
                String reply = exchange(out, in, auth);
                if (!reply.equals("+OK")) {
                    return authFailed(reply);
                }
            }
            if (spec.database() != 0) {
                String selected = exchange(out, in, List.of("SELECT", String.valueOf(spec.database())));
                if (selected.startsWith("-ERR")) {
                    return ProbeResult.fatal("redis on " + target + " has no database " + spec.database() + " ("
                            + selected.substring(1) + "); use a database below the server's databases setting");
                }
                if (!selected.equals("+OK")) {
                    return answer(selected, target);
                }
            }
            String reply = exchange(out, in, List.of("PING"));
            return answer(reply, target);
        } catch (SocketTimeoutException e) {
            return ProbeResult.notYet("no answer from " + target + " within " + timeout.toMillis() + "ms");
        } catch (IOException e) {
            return ProbeResult.notYet(Failures.describe(e, target));
        }
    }

    private ProbeResult answer(String reply, String target) {
        if (reply.equals("+PONG")) {
            return ProbeResult.ready("PONG from " + target);
        }
        if (reply.startsWith("-NOAUTH")) {
            return ProbeResult.fatal("redis on " + target + " requires a password (NOAUTH); add password:"
                    + " (and user: for an ACL user) to the redis probe");
        }
        if (reply.startsWith("-WRONGPASS") || reply.startsWith("-NOPERM")) {
            return authFailed(reply);
        }
        return ProbeResult.notYet("redis on " + target + " answered " + reply);
    }

    private ProbeResult authFailed(String reply) {
        String who = spec.user() == null ? "the default user" : "user " + spec.user();
        if (reply.contains("without any password configured")) {
            return ProbeResult.fatal("redis has no password set for " + who + ", but the probe sends one; remove"
                    + " password: from the probe, or set requirepass on the server");
        }
        return ProbeResult.fatal("redis authentication failed for " + who + " (" + reply.substring(1)
                .split(" ")[0] + "); set the right password (and user) in the redis probe");
    }

    /** Sends one command as a RESP array of bulk strings; returns the first line of the reply. */
    private static String exchange(OutputStream out, InputStream in, List<String> command) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(request.toByteArray());
        out.flush();
        return readLine(in);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r' && line.size() < MAX_REPLY) {
                line.write(c);
            }
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("the connection was closed without an answer");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return spec.describe();
    }
}
