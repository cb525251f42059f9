package dev.quorum.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@link RecentlyIdleExecutor} on its own, and as the worker pool of a real Vert.x instance. */
class RecentlyIdleExecutorTest {

    private RecentlyIdleExecutor pool;

    @AfterEach
    void stop() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void should_hand_a_task_to_the_thread_that_went_idle_last() throws Exception {
        // given two threads, the second one finishing last
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 4, Duration.ofMinutes(1));
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        pool.execute(() -> { first.set(Thread.currentThread()); waitFor(releaseFirst); });
        pool.execute(() -> { second.set(Thread.currentThread()); waitFor(releaseSecond); });
        await().until(() -> first.get() != null && second.get() != null);
        releaseFirst.countDown();
        await().until(() -> pool.idleThreads() == 1);
        releaseSecond.countDown();
        await().until(() -> pool.idleThreads() == 2);

        // when two tasks come one after the other, each once both threads are idle
        Thread firstRun = pool.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        await().pollInterval(Duration.ofMillis(1)).until(() -> pool.idleThreads() == 2);
        Thread secondRun = pool.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        List<Thread> ran = List.of(firstRun, secondRun);

        // then the second thread runs both, and no third thread was started
        assertThat(first.get()).isNotSameAs(second.get());
        assertThat(ran).containsOnly(second.get());
        assertThat(pool.threads()).isEqualTo(2);
    }

    @Test
    void should_queue_tasks_beyond_its_threads_and_run_them_in_arrival_order() throws Exception {
        // given a pool of two threads, both busy
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 2, Duration.ofMinutes(1));
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        pool.execute(() -> waitFor(releaseFirst));
        pool.execute(() -> waitFor(releaseSecond));
        List<Integer> order = new CopyOnWriteArrayList<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        // when five more tasks arrive
        for (int i = 0; i < 5; i++) {
            int n = i;
            pool.execute(() -> { threads.add(Thread.currentThread()); order.add(n); });
        }

        // then they wait, no third thread starts, and the one thread freed runs them in the order they came
        assertThat(pool.threads()).isEqualTo(2);
        assertThat(order).isEmpty();
        releaseFirst.countDown();
        await().until(() -> order.size() == 5);
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(threads).hasSize(1);
        releaseSecond.countDown();
        await().until(() -> pool.idleThreads() == 2);
        assertThat(pool.threads()).isEqualTo(2);
    }

    @Test
    void should_run_every_task_when_many_threads_hand_in_work_while_workers_come_and_go() throws Exception {
        // given a small pool whose threads end after a millisecond idle, so hand-overs race with threads ending
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 3, Duration.ofMillis(1));
        AtomicInteger ran = new AtomicInteger();
        int submitters = 4;
        int tasksEach = 5_000;
        CountDownLatch submitted = new CountDownLatch(submitters);

        // when
        for (int s = 0; s < submitters; s++) {
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < tasksEach; i++) {
                    pool.execute(ran::incrementAndGet);
                    if (i % 100 == 0) {
                        Thread.yield();
                    }
                }
                submitted.countDown();
            });
            submitter.start();
        }

        // then none is lost or stuck, and the pool never grew past its size
        assertThat(submitted.await(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> ran.get() == submitters * tasksEach);
        assertThat(pool.threads()).isLessThanOrEqualTo(3);
    }

    @Test
    void should_start_each_task_with_an_empty_logging_context() throws Exception {
        // given a task that leaves a request id in its thread's logging context
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 1, Duration.ofMinutes(1));
        pool.submit(() -> MDC.put("requestId", "left-behind")).get(5, TimeUnit.SECONDS);

        // when the same thread runs the next task
        Map<String, String> seen = pool.submit(() -> MDC.getCopyOfContextMap()).get(5, TimeUnit.SECONDS);

        // then
        assertThat(seen == null ? Map.of() : seen).doesNotContainKey("requestId");
    }

    @Test
    void should_end_threads_idle_for_the_keep_alive() {
        // given
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 8, Duration.ofMillis(50));

        // when
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> { });
        }

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> pool.threads() == 0);
        assertThat(pool.idleThreads()).isZero();
    }

    @Test
    void should_keep_its_thread_when_a_task_throws() throws Exception {
        // given
        AtomicInteger reported = new AtomicInteger();
        pool = new RecentlyIdleExecutor(task -> {
            Thread thread = new Thread(task);
            thread.setUncaughtExceptionHandler((t, e) -> reported.incrementAndGet());
            return thread;
        }, 1, Duration.ofMinutes(1));

        // when
        pool.execute(() -> { throw new IllegalStateException("boom"); });
        Thread after = pool.submit(Thread::currentThread).get(5, TimeUnit.SECONDS);

        // then
        assertThat(reported).hasValue(1);
        assertThat(after.isAlive()).isTrue();
        assertThat(pool.threads()).isEqualTo(1);
    }

    @Test
    void should_finish_queued_tasks_on_shutdown_and_hand_them_back_on_shutdown_now() throws Exception {
        // given one busy thread and a queued task
        pool = new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 1, Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        pool.execute(() -> waitFor(release));
        pool.execute(ran::incrementAndGet);

        // when shut down
        pool.shutdown();

        // then no new task is taken, and the queued one still runs
        assertThatThrownBy(() -> pool.execute(ran::incrementAndGet))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("shut down");
        assertThat(pool.isTerminated()).isFalse();
        release.countDown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(1);

        // and shutdownNow interrupts the running task and returns the queued one
        RecentlyIdleExecutor other =
                new RecentlyIdleExecutor(Executors.defaultThreadFactory(), 1, Duration.ofMinutes(1));
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        other.execute(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        Runnable queued = ran::incrementAndGet;
        other.execute(queued);
        assertThat(other.shutdownNow()).containsExactly(queued);
        assertThat(other.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.get()).isTrue();
        assertThat(ran).hasValue(1);
    }

    @Test
    void should_be_the_worker_pool_of_the_vertx_quorum_makes() throws Exception {
        // given Vert.x as Quorum's HTTP server makes it, with a pool of four workers
        Vertx vertx = RecentlyIdleWorkers.vertx(new VertxOptions().setWorkerPoolSize(4));
        try {
            // when blocking work runs one call after the other, each after the last one's thread has gone idle
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 10; i++) {
                Thread ran = vertx.executeBlocking(Thread::currentThread, false)
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                threads.add(ran);
                // an idle worker waits for its next task with a time-out (its keep-alive)
                await().pollInterval(Duration.ofMillis(1)).until(() -> ran.getState() == Thread.State.TIMED_WAITING);
            }

            // then it keeps to one thread; a fixed pool of four would have started all four, one call each
            assertThat(threads).hasSize(1);
            assertThat(threads.iterator().next().getName()).startsWith("vert.x-worker-thread-");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void should_leave_every_other_vertx_in_the_jvm_its_own_worker_pool() throws Exception {
        // given Vert.x as an application embedding Quorum makes it, with a pool of four workers
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(4));
        try {
            // when blocking work runs one call after the other
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 10; i++) {
                threads.add(vertx.executeBlocking(Thread::currentThread, false)
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
            }

            // then Vert.x's own fixed pool started all four (a JVM-wide service made it a RecentlyIdleExecutor: one)
            assertThat(threads).hasSize(4);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
