package dev.muster.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** Turns network exceptions into the short phrases a report shows. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e, String target) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connection refused by " + target + " (nothing listens there)";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host in " + target;
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to " + target;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return connectTimedOut(target);
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(target);
        }
        String message = cause.getMessage();
        return target + ": " + (message == null ? cause.getClass().getSimpleName() : message);
    }

    static String connectTimedOut(String target) {
        return "connecting to " + target + " timed out";
    }

    static String noAnswer(String target) {
        return target + " accepted the connection but did not answer in time";
    }
}
