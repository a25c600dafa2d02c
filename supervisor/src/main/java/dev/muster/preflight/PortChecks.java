package dev.muster.preflight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Checks that TCP ports are free by binding them for a moment on every address. */
final class PortChecks {

    void check(List<Integer> ports, List<String> problems) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                problems.add("preflight.ports: port " + port + " is already in use (" + e.getMessage()
                        + "); stop what listens there (ss -ltnp 'sport = :" + port + "') or change the port");
            }
        }
    }
}
