package dev.quorum.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.MDC;

/**
 * A bounded thread pool that hands each task to the thread that went idle most recently, where a fixed thread pool
 * (what Vert.x's worker pool is by default) hands it to the thread that has been idle longest. Quorum's worker pool
 * is sized for seconds-long provider calls (200 threads), so with a fixed pool even one request at a time rotates
 * through all 200 threads, each with a cold stack and allocation buffer; here it keeps landing on the same few
 * threads. Threads are started on demand up to {@code maxThreads}, tasks beyond that wait in arrival order, and a
 * thread idle for {@code keepAlive} ends. Each task starts with an empty logging context (MDC).
 * {@link RecentlyIdleWorkers} makes Vert.x use it.
 */
public final class RecentlyIdleExecutor extends AbstractExecutorService {

    private final ThreadFactory threadFactory;
    private final int maxThreads;
    private final long keepAliveNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition terminated = lock.newCondition();
    /** Idle workers, the most recently idle first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Tasks that arrived while all {@code maxThreads} threads were busy. */
    private final ArrayDeque<Runnable> backlog = new ArrayDeque<>();
    private final Set<Worker> workers = new HashSet<>();
    /** Written under the lock; read without it (waiting workers, {@link #isShutdown}). */
    private volatile boolean shutdown;

    public RecentlyIdleExecutor(ThreadFactory threadFactory, int maxThreads, Duration keepAlive) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one thread, not " + maxThreads);
        }
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        this.maxThreads = maxThreads;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        Worker handedTo;
        Worker started = null;
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("the worker pool is shut down");
            }
            handedTo = idle.pollFirst();
            if (handedTo != null) {
                handedTo.next = task;
            } else if (workers.size() >= maxThreads) {
                backlog.addLast(task);
                return;
            } else {
                started = new Worker(task);
                workers.add(started);
            }
        } finally {
            lock.unlock();
        }
        if (handedTo != null) {
            // woken after the lock is released, so it does not wake only to wait for the lock
            LockSupport.unpark(handedTo.thread);
        } else {
            start(started);
        }
    }

    private void start(Worker worker) {
        try {
            worker.thread = threadFactory.newThread(worker);
            worker.thread.start();
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                workers.remove(worker);
            } finally {
                lock.unlock();
            }
            throw new RejectedExecutionException("could not start a worker thread", e);
        }
    }

    /** Threads the pool has now, busy or idle. */
    public int threads() {
        lock.lock();
        try {
            return workers.size();
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for a task. */
    public int idleThreads() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            for (Worker worker : idle) {
                LockSupport.unpark(worker.thread);
            }
            if (workers.isEmpty()) {
                terminated.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown();
            List<Runnable> notRun = new ArrayList<>(backlog);
            backlog.clear();
            for (Worker worker : workers) {
                if (worker.thread != null) {
                    worker.thread.interrupt();
                }
            }
            return notRun;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && workers.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!(shutdown && workers.isEmpty())) {
                if (left <= 0) {
                    return false;
                }
                left = terminated.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private final class Worker implements Runnable {

        /** The task handed to this worker while it was idle: written under the lock, read while waiting without it. */
        volatile Runnable next;
        volatile Thread thread;

        Worker(Runnable first) {
            this.next = first;
        }

        @Override
        public void run() {
            Runnable task = next;
            next = null;
            try {
                while (task != null) {
                    runTask(task);
                    task = nextTask();
                }
            } finally {
                lock.lock();
                try {
                    workers.remove(this);
                    if (shutdown && workers.isEmpty()) {
                        terminated.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }

        private void runTask(Runnable task) {
            Thread current = Thread.currentThread();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // a fixed thread pool would lose the thread here and start another; this one reports and goes on
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            } finally {
                // a request handed on to another thread (a parallel panel) leaves its id in this thread's logging
                // context; the next task must not log under it
                MDC.clear();
            }
        }

        /** The next task: from the backlog, or handed over while idle; null when this thread should end. */
        private Runnable nextTask() {
            lock.lock();
            try {
                Runnable task = backlog.pollFirst();
                if (task != null || shutdown) {
                    return task;
                }
                idle.addFirst(this);
            } finally {
                lock.unlock();
            }
            long deadline = System.nanoTime() + keepAliveNanos;
            while (true) {
                Runnable task = next;
                if (task != null) {
                    next = null;
                    return task;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || shutdown) {
                    lock.lock();
                    try {
                        // a task handed over just now is still run; otherwise no longer idle, so none can be
                        task = next;
                        next = null;
                        if (task == null) {
                            idle.remove(this);
                        }
                        return task;
                    } finally {
                        lock.unlock();
                    }
                }
                // an interrupt (meant for the task just run, or from shutdownNow, which also unparks) must not
                // turn the wait into a spin
                Thread.interrupted();
                LockSupport.parkNanos(this, left);
            }
        }
    }
}
