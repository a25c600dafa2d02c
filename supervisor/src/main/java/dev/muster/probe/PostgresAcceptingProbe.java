package dev.muster.probe;

import dev.muster.profile.DatabaseSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Ready when PostgreSQL accepts connections, the question {@code pg_isready} answers, asked without
 * spawning it: a protocol 3.0 startup packet is sent and the first answer read. An authentication
 * request, or any error but SQLSTATE 57P03 ("the database system is starting up", "... shutting
 * down", "... in recovery mode"), means the server accepts connections, as libpq's {@code PQping}
 * decides; so neither the role nor the database need exist. Not yet: refused, no answer, 57P03.
 * Works over TCP and over the socket file in a socket directory. Never sends a password.
 */
final class PostgresAcceptingProbe implements Probe {
    private static final int PROTOCOL_3_0 = 196608;
    private static final int MAX_MESSAGE = 8192;

    private final DatabaseSpec server;

    PostgresAcceptingProbe(DatabaseSpec server) {
        this.server = server;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        String target = server.address();
        try (Socket socket = connect(millis)) {
            socket.setSoTimeout(millis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(startupPacket());
            out.flush();
            return answer(new DataInputStream(socket.getInputStream()), target);
        } catch (SocketTimeoutException e) {
            return ProbeResult.notYet("no answer from PostgreSQL on " + target + " within " + millis + "ms");
        } catch (IOException e) {
            return ProbeResult.notYet(Failures.describe(e, target));
        }
    }

    private Socket connect(int millis) throws IOException {
        if (server.isSocket()) {
            AFUNIXSocket socket = AFUNIXSocket.newInstance();
            socket.connect(AFUNIXSocketAddress.of(new File(server.socketFile())), millis);
            return socket;
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), millis);
        return socket;
    }

    private ProbeResult answer(DataInputStream in, String target) throws IOException {
        int type = in.read();
        if (type == -1) {
            return ProbeResult.notYet("PostgreSQL on " + target + " closed the connection without an answer");
        }
        int length = in.readInt() - 4;
        if (length < 0 || length > MAX_MESSAGE) {
            return ProbeResult.notYet(target + " did not answer like PostgreSQL (message of " + length + " bytes)");
        }
        byte[] body = in.readNBytes(length);
        if (type == 'R') {
            return ProbeResult.ready("PostgreSQL on " + target + " accepts connections");
        }
        if (type != 'E') {
            return ProbeResult.notYet(target + " did not answer like PostgreSQL (message type " + (char) type + ")");
        }
        String state = field(body, 'C');
        String message = field(body, 'M');
        if ("57P03".equals(state)) {
            return ProbeResult.notYet("PostgreSQL on " + target + " is not accepting connections yet: " + message);
        }
        return ProbeResult.ready("PostgreSQL on " + target + " accepts connections (it answered: " + message + ")");
    }

    private byte[] startupPacket() throws IOException {
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        for (String part : new String[] {"user", server.user(), "database", server.name(), "application_name", "muster"}) {
            parameters.write(part.getBytes(StandardCharsets.UTF_8));
            parameters.write(0);
        }
        parameters.write(0);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(packet);
        data.writeInt(8 + parameters.size());
        data.writeInt(PROTOCOL_3_0);
        data.write(parameters.toByteArray());
        return packet.toByteArray();
    }

    /** One field of an ErrorResponse body (a sequence of code byte + NUL-terminated text), or "". */
    private static String field(byte[] body, char code) {
        int i = 0;
        while (i < body.length && body[i] != 0) {
            int end = i + 1;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            if (body[i] == code) {
                return new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
            }
            i = end + 1;
        }
        return "";
    }

    @Override
    public String describe() {
        return "postgres accepting connections on " + server.address();
    }
}
