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

    /**
     * The first exception in {@code e}'s cause chain that says something: a refused connection
     * reaches us from the JDK's HttpClient as a ConnectException without a message whose cause is a
     * ClosedChannelException, and the ConnectException is the one to tell.
     */
    static String describe(Throwable e, String target) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null && !known(cause)) {
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

    private static boolean known(Throwable e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || e instanceof HttpTimeoutException;
    }

    static String connectTimedOut(String target) {
        return "connecting to " + target + " timed out";
    }

    static String noAnswer(String target) {
        return target + " accepted the connection but did not answer in time";
    }
}
