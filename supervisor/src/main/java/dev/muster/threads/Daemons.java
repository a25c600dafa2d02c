package dev.muster.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * muster's own threads. Every one is a daemon: what ends muster is its supervisor deciding to
 * (a farewell and an exit code), never the last of its helper threads finishing, and none may
 * hold the JVM up after that decision.
 */
public final class Daemons {
    private Daemons() {
    }

    /** Starts {@code body} on a daemon thread called {@code name}. */
    public static Thread start(String name, Runnable body) {
        Thread thread = named(name).newThread(body);
        thread.start();
        return thread;
    }

    /** Daemon threads all called {@code name} (a pool whose threads are alike). */
    public static ThreadFactory named(String name) {
        return body -> {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Daemon threads called {@code prefix}1, {@code prefix}2, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return body -> named(prefix + count.incrementAndGet()).newThread(body);
    }
}
