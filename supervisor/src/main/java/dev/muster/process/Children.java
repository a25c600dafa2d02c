package dev.muster.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The children muster started itself, whose exit status belongs to Java's own process reaper.
 * Starting a child and registering its pid happen under one lock, and {@link ChildReaper} checks
 * the registry under the same lock, so a child that exits the instant it starts is never
 * mistaken for an orphan. One registry per muster process, shared by every launcher.
 *
 * <p>Once a {@link ChildReaper} reaps for this registry ({@link #reapedHere()}), children started
 * with {@link Spawner} are {@link #watch watched} here: the reaper reaps them and reports their
 * exit values, so no thread per child waits for them.
 */
public final class Children {
    private final Map<Long, CompletableFuture<?>> started = new HashMap<>();
    private final Map<Long, CompletableFuture<Integer>> watched = new HashMap<>();
    private long registrations;
    private volatile boolean reaped;

    /** Starts a child with {@code start} and registers it before anyone can look. */
    synchronized RunningProcess register(Supplier<RunningProcess> start) {
        RunningProcess process = start.get();
        started.put(process.pid(), process.exit());
        process.exit().whenComplete((status, error) -> forget(process.pid()));
        registrations++;
        notifyAll();
        return process;
    }

    /**
     * Starts a plain child that muster runs itself (pg_dump, pg_restore), registered like a service,
     * so the reaper leaves its exit status to Java's {@link Process#waitFor()}.
     */
    public synchronized Process start(ProcessBuilder builder) throws java.io.IOException {
        Process process = builder.start();
        started.put(process.pid(), process.onExit());
        process.onExit().whenComplete((exited, error) -> forget(process.pid()));
        registrations++;
        notifyAll();
        return process;
    }

    /** Starts an attached child ({@code muster run}'s command) with {@code start} and registers it before anyone can look. */
    synchronized AttachedProcess registerAttached(Supplier<AttachedProcess> start) {
        AttachedProcess process = start.get();
        started.put(process.pid(), process.exit());
        process.exit().whenComplete((status, error) -> forget(process.pid()));
        registrations++;
        notifyAll();
        return process;
    }

    /** From now on a {@link ChildReaper} thread reaps the children registered here. */
    void reapedHere() {
        reaped = true;
    }

    /** Whether a reaper reaps children registered here: whether {@link #watch} may be used. */
    boolean isReaped() {
        return reaped;
    }

    /**
     * A future the reaper completes with the exit value of {@code pid} (its code, or 128+N for signal
     * N) when it has reaped it. Call while registering the child.
     */
    synchronized CompletableFuture<Integer> watch(long pid) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        watched.put(pid, exit);
        return exit;
    }

    /** The future to complete when {@code pid} exits, if it is a watched child; forgets it. */
    synchronized Optional<CompletableFuture<Integer>> watched(long pid) {
        return Optional.ofNullable(watched.remove(pid));
    }

    /** The exit future of a child muster started, if {@code pid} is one. */
    synchronized Optional<CompletableFuture<?>> started(long pid) {
        return Optional.ofNullable(started.get(pid));
    }

    /** How many children were ever registered. */
    synchronized long registrations() {
        return registrations;
    }

    /** Blocks until more than {@code seen} children were registered; used when muster has no child. */
    synchronized void awaitRegistrationAfter(long seen) throws InterruptedException {
        while (registrations == seen) {
            wait();
        }
    }

    private synchronized void forget(long pid) {
        started.remove(pid);
    }
}
