package dev.muster.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Ready when a TCP connection to host:port is accepted. */
final class TcpProbe implements Probe {
    private final String host;
    private final int port;

    TcpProbe(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return ProbeResult.ready("accepted a connection on " + host + ":" + port);
        } catch (SocketTimeoutException e) {
            return ProbeResult.notYet("no answer from " + host + ":" + port + " within " + timeout.toMillis() + "ms");
        } catch (IOException e) {
            return ProbeResult.notYet(Failures.describe(e, host + ":" + port));
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
