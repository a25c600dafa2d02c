package dev.muster.control;

import dev.muster.process.Sleeper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Fans server-sent events out to the connected clients. Publishing never blocks: each client has
 * a bounded queue, and a client that falls {@value #CAPACITY} events behind is disconnected (its
 * browser reconnects and gets a fresh snapshot). Thread-safe.
 */
final class EventHub {
    static final int CAPACITY = 2000;

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Sleeper sleeper;
    private volatile boolean closed;
    /** Completes when the last subscriber leaves; a new one after that gets a new future. */
    private CompletableFuture<Void> emptied = new CompletableFuture<>();

    EventHub() {
        this(Sleeper.system());
    }

    /** @param sleeper how {@link #awaitDrained} waits */
    EventHub(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** A client that receives the events {@code wanted} accepts. */
    Subscriber subscribe(Predicate<Event> wanted) {
        Subscriber subscriber = new Subscriber(wanted);
        synchronized (this) {
            if (emptied.isDone()) {
                emptied = new CompletableFuture<>();
            }
            subscribers.add(subscriber);
        }
        if (closed) {
            subscriber.end();
        }
        return subscriber;
    }

    /** Whether anyone listens: with no client, an event need not even be built. */
    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    void publish(Event event) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wanted.test(event) && !subscriber.queue.offer(event)) {
                subscriber.overflowed = true;
                subscriber.end();
            }
        }
    }

    synchronized void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty()) {
            emptied.complete(null);
        }
    }

    /** Waits, at most {@code millis}, until every stream has been written to its end. */
    void awaitDrained(Duration max) {
        CompletableFuture<Void> empty;
        synchronized (this) {
            if (subscribers.isEmpty()) {
                return;
            }
            empty = emptied;
        }
        sleeper.sleep(max, empty);
    }

    /** Ends every stream after the events already queued. */
    void close() {
        closed = true;
        subscribers.forEach(Subscriber::end);
    }

    /**
     * One server-sent event.
     *
     * @param name    the event type: snapshot, service, log, line, end
     * @param data    one line of text (JSON, or a log line)
     * @param service the service it is about, "" for the whole stack
     * @param line    for a log event, the bare (redacted) line; "" otherwise
     */
    record Event(String name, String data, String service, String line) {
        static final Event END = new Event("", "", "", "");

        Event(String name, String data) {
            this(name, data, "", "");
        }

        /** The event in the text/event-stream format. */
        String frame() {
            return "event: " + name + "\ndata: " + data.replace("\r", "").replace("\n", "\ndata: ") + "\n\n";
        }
    }

    /** One connected client's queue. */
    static final class Subscriber {
        private final Predicate<Event> wanted;
        private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(CAPACITY);
        private volatile boolean ended;
        private volatile boolean overflowed;

        private Subscriber(Predicate<Event> wanted) {
            this.wanted = wanted;
        }

        /** The next event, {@link Event#END} once the stream is over, or null after {@code seconds} of quiet. */
        Event next(long seconds) throws InterruptedException {
            if (ended && (overflowed || queue.isEmpty())) {
                return Event.END;
            }
            Event event = queue.poll(seconds, TimeUnit.SECONDS);
            return event == null && ended ? Event.END : event;
        }

        boolean overflowed() {
            return overflowed;
        }

        void end() {
            ended = true;
            queue.offer(Event.END);
        }
    }
}
