package dev.quorum;

import io.vertx.core.spi.ExecutorServiceFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Makes Vert.x build its worker pools (the pool platform-http runs every request on, and its internal blocking pool)
 * as {@link RecentlyIdleExecutor}s of the configured size instead of fixed thread pools. Vert.x finds it through
 * {@code META-INF/services/io.vertx.core.spi.VertxServiceProvider}. A thread idle for a minute ends, so a pool sized
 * for a burst of slow provider calls gives its threads back afterwards.
 */
public final class RecentlyIdleWorkers implements ExecutorServiceFactory {

    private static final Duration KEEP_ALIVE = Duration.ofMinutes(1);

    @Override
    public ExecutorService createExecutor(ThreadFactory threadFactory, Integer concurrency, Integer maxConcurrency) {
        return new RecentlyIdleExecutor(threadFactory, maxConcurrency, KEEP_ALIVE);
    }
}
