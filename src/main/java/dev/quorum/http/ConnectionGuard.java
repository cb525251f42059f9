package dev.quorum.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the HTTP server's connections within bounds, as its connection handler: at most {@code max-connections} open
 * (one more is closed as soon as it is accepted), and none held by a client that sends too slowly or not at all. A
 * periodic sweep closes a connection whose first request head has not arrived within {@code header-timeout-ms} of
 * opening, one with no request in progress for {@code idle-timeout-ms} (a keep-alive connection, or one trickling its
 * next head), and answers 408 to a request whose body has not arrived within {@code body-timeout-ms} of its head.
 * A request being processed (a provider call may take a minute) is never timed out here. Vert.x's own idle timeout
 * would not do: any byte restarts it, so a sender trickling one byte a second holds its connection forever.
 */
public final class ConnectionGuard implements Handler<HttpConnection> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final long LOG_EVERY_MS = 60_000;

    /**
     * One open connection. Written on the connection's event loop (its requests and their end), read by the sweep on
     * another: fields are volatile, and each has one writer thread.
     */
    static final class Tracked {

        private final HttpConnection connection;
        private volatile int inFlight;
        private volatile boolean served;
        private volatile long idleSince;
        private volatile long bodySince;
        private volatile Runnable onSlowBody;

        Tracked(HttpConnection connection, long now) {
            this.connection = connection;
            this.idleSince = now;
        }

        void requestStarted() {
            inFlight++;
            served = true;
        }

        void requestEnded() {
            bodySince = 0;
            onSlowBody = null;
            if (--inFlight <= 0) {
                inFlight = 0;
                idleSince = now();
            }
        }

        /** A body is being read; {@code onSlow} runs (on the sweep's thread) when it takes too long. */
        void bodyStarted(Runnable onSlow) {
            onSlowBody = onSlow;
            bodySince = now();
        }

        void bodyRead() {
            bodySince = 0;
            onSlowBody = null;
        }
    }

    private final HttpLimits limits;
    private final int maxConnections;
    private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final LongAdder silent = new LongAdder();
    private final LongAdder slowBodies = new LongAdder();
    private long lastLog = now();
    private long loggedRefused;
    private long loggedSilent;
    private long loggedSlow;
    private long sweeper = -1;

    public ConnectionGuard(HttpLimits limits, int maxConnections) {
        this.limits = limits;
        this.maxConnections = maxConnections;
    }

    static long now() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void handle(HttpConnection connection) {
        if (count.incrementAndGet() > maxConnections) {
            count.decrementAndGet();
            refused.increment();
            connection.close();
            return;
        }
        open.put(connection, new Tracked(connection, now()));
        connection.closeHandler(closed -> {
            if (open.remove(connection) != null) {
                count.decrementAndGet();
            }
        });
    }

    /** The connection's state, or {@code null} for one this guard does not watch. */
    Tracked tracked(HttpConnection connection) {
        return open.get(connection);
    }

    /** Starts the sweep, often enough that no timeout is overshot by more than a quarter of itself (or a second). */
    void start(Vertx vertx) {
        long shortest = Math.min(limits.headerTimeoutMs(), Math.min(limits.idleTimeoutMs(), limits.bodyTimeoutMs()));
        sweeper = vertx.setPeriodic(Math.max(50, Math.min(1000, shortest / 4)), id -> sweep(now()));
    }

    void stop(Vertx vertx) {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
            sweeper = -1;
        }
    }

    void sweep(long now) {
        for (Tracked tracked : open.values()) {
            if (tracked.inFlight == 0) {
                long limit = tracked.served ? limits.idleTimeoutMs() : limits.headerTimeoutMs();
                if (now - tracked.idleSince > limit) {
                    if (!tracked.served) {
                        silent.increment();
                    }
                    tracked.idleSince = Long.MAX_VALUE / 2;
                    tracked.connection.close();
                }
            } else if (tracked.bodySince != 0 && now - tracked.bodySince > limits.bodyTimeoutMs()) {
                Runnable onSlow = tracked.onSlowBody;
                tracked.bodyRead();
                slowBodies.increment();
                if (onSlow != null) {
                    onSlow.run();
                } else {
                    tracked.connection.close();
                }
            }
        }
        if (now - lastLog >= LOG_EVERY_MS) {
            logClosed(now);
        }
    }

    /** One line a minute at most while connections are refused or closed for sending too slowly. */
    private void logClosed(long now) {
        long refusedNow = refused.sum();
        long silentNow = silent.sum();
        long slowNow = slowBodies.sum();
        if (refusedNow != loggedRefused || silentNow != loggedSilent || slowNow != loggedSlow) {
            LOG.warn("HTTP connections closed in the last {} s: {} over the cap of {} (quorum.http.max-connections), {} "
                            + "without a request head within {} ms (quorum.http.header-timeout-ms), {} with a body slower "
                            + "than {} ms (quorum.http.body-timeout-ms); {} open", (now - lastLog) / 1000,
                    refusedNow - loggedRefused, maxConnections, silentNow - loggedSilent, limits.headerTimeoutMs(),
                    slowNow - loggedSlow, limits.bodyTimeoutMs(), count.get());
            loggedRefused = refusedNow;
            loggedSilent = silentNow;
            loggedSlow = slowNow;
        }
        lastLog = now;
    }

    /** Connections open now. */
    public int open() {
        return count.get();
    }

    /** Connections closed as they were accepted because {@code max-connections} were open. */
    public long refused() {
        return refused.sum();
    }

    /** Connections closed because no request head arrived within {@code header-timeout-ms} of opening. */
    public long silent() {
        return silent.sum();
    }

    /** Requests answered 408 (their connection closed) because the body took longer than {@code body-timeout-ms}. */
    public long slowBodies() {
        return slowBodies.sum();
    }
}
