package dev.quorum.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.spi.ExecutorServiceFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Makes a Vert.x instance build its worker pools (the pool platform-http runs every request on, and its internal
 * blocking pool) as {@link RecentlyIdleExecutor}s of the configured size instead of fixed thread pools: only the
 * instance {@link #vertx} makes, which is the one Quorum's HTTP server makes for itself ({@code QuorumHttpServer});
 * every other Vert.x in the JVM (an application's that embeds Quorum) keeps Vert.x's own pools. (It used to be a
 * service in {@code META-INF/services}, which changed every Vert.x instance in the JVM.) A thread idle for a minute
 * ends, so a pool sized for a burst of slow provider calls gives its threads back afterwards.
 */
public final class RecentlyIdleWorkers implements ExecutorServiceFactory {

    private static final Duration KEEP_ALIVE = Duration.ofMinutes(1);

    /**
     * A Vert.x instance with {@code options} whose worker pools are {@link RecentlyIdleExecutor}s. Vert.x 4 offers an
     * executor factory per instance only through its builder in {@code io.vertx.core.impl} (the public
     * {@code Vertx.builder()} has no such option); the factory set there is kept by {@code init()}.
     */
    public static Vertx vertx(VertxOptions options) {
        return new VertxBuilder(options).executorServiceFactory(new RecentlyIdleWorkers()).init().vertx();
    }

    @Override
    public ExecutorService createExecutor(ThreadFactory threadFactory, Integer concurrency, Integer maxConcurrency) {
        return new RecentlyIdleExecutor(threadFactory, maxConcurrency, KEEP_ALIVE);
    }
}
