package dev.quorum.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows for the usage database written in batches from a thread of its own, so the request that makes a row never
 * waits for the database. The one writer loop of the usage ledger, the vote ledger, the cache savings and the prompt
 * experiment outcomes:
 * <ul>
 *   <li>{@link #offer} queues a row and never blocks: false at once when a bounded queue is full (the caller logs what
 *   goes uncounted); {@link #offerDroppingOldest} makes room by dropping the oldest row instead;</li>
 *   <li>batches of up to {@code batchSize} rows go to the write function; with a linger the thread waits that long for
 *   more rows after the first, so a busy gateway commits batches, not single rows;</li>
 *   <li>a write function that answers false (the database is unreachable) gets the batch back at the head of the
 *   queue, in order and as the function left it, and the thread tries again a second later rather than spin: no row is
 *   lost to an outage; one that throws loses its batch, not the thread;</li>
 *   <li>{@link #flush} writes every row offered before it on the caller's thread (a read that must see them), and
 *   returns at once when the database is unreachable; rows are written in the order they were offered, whichever
 *   thread writes them;</li>
 *   <li>{@link #close(long)} writes the rows still queued before the thread ends and says how many could not be.</li>
 * </ul>
 * What a row's loss in a crash costs is the caller's business: the usage ledger journals its rows before offering them
 * ({@link LedgerJournal}), a cache saving or a vote is a statistic.
 */
public final class BatchWriter<T> implements AutoCloseable {

    /** Writes one batch in one go. */
    @FunctionalInterface
    public interface Write<T> {
        /**
         * True when the batch is written (or dealt with for good); false when it could not be for now: the batch, as
         * this left it, goes back to the head of the queue and is tried again.
         */
        boolean write(List<T> batch);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    /** How long the thread waits after a batch that could not be written. */
    private static final long RETRY_MILLIS = 1_000;

    private final LinkedBlockingDeque<T> queue;
    private final int batchSize;
    private final long lingerNanos;
    private final Write<T> write;
    /** Rows offered and not yet written: counted before the queue takes them, so none is missed. */
    private final AtomicLong pending = new AtomicLong();
    /** Held while a batch is taken from the queue and written, so a flush and the thread never write side by side. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * A writer whose {@code write} deals with its own errors (a batch it throws on is lost, logged): no linger, no
     * retry.
     */
    public BatchWriter(String threadName, int capacity, int batchSize, Consumer<List<T>> write) {
        this(threadName, capacity, batchSize, 0, batch -> {
            write.accept(batch);
            return true;
        });
    }

    /**
     * A writer of batches of up to {@code batchSize} rows that lingers {@code lingerMillis} for more after the first
     * and retries a batch {@code write} answers false for; {@code capacity} {@link Integer#MAX_VALUE} is unbounded.
     */
    public BatchWriter(String threadName, int capacity, int batchSize, long lingerMillis, Write<T> write) {
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.batchSize = batchSize;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        this.write = write;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a row; false (at once) when the queue is full. */
    public boolean offer(T row) {
        pending.incrementAndGet();
        if (queue.offerLast(row)) {
            return true;
        }
        pending.decrementAndGet();
        return false;
    }

    /** Queues a row, dropping the oldest queued rows while the queue is full; how many were dropped. */
    public int offerDroppingOldest(T row) {
        pending.incrementAndGet();
        int dropped = 0;
        while (!queue.offerLast(row)) {
            if (queue.pollFirst() != null) {
                pending.decrementAndGet();
                dropped++;
            }
        }
        return dropped;
    }

    /** Rows offered and not yet written. */
    public long pending() {
        return pending.get();
    }

    /**
     * Writes every row offered before the call, on this thread, before returning (waiting for a batch the writer
     * thread has in hand); gives up after {@code timeoutMillis}, or at once when a batch cannot be written. True when
     * nothing is left to write.
     */
    public boolean flush(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<T> batch = new ArrayList<>();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            if (!writing.tryLock()) {
                // the writer thread is writing a batch: wait for it rather than queue behind its lock
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                continue;
            }
            try {
                queue.drainTo(batch, batchSize);
                if (!batch.isEmpty() && !writeOrRequeue(batch)) {
                    return false;
                }
            } finally {
                batch.clear();
                writing.unlock();
            }
            if (pending.get() > 0 && queue.isEmpty()) {
                // a row is being offered: counted, not yet queued
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        return pending.get() == 0;
    }

    private void run() {
        List<T> batch = new ArrayList<>(batchSize);
        while (open || !queue.isEmpty()) {
            boolean written = true;
            try {
                // the lock is held from taking the first row to writing it: were a flush to take the lock in between,
                // it would write the rows after that one before it
                writing.lockInterruptibly();
                try {
                    T first = queue.pollFirst(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    if (lingerNanos > 0 && open && queue.size() < batchSize - 1) {
                        LockSupport.parkNanos(lingerNanos);
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    written = writeOrRequeue(batch);
                } finally {
                    batch.clear();
                    writing.unlock();
                }
                if (!written) {
                    // the database is unreachable: retry in a second rather than spin
                    Thread.sleep(RETRY_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes the batch; when the write function says not now, puts it back at the head of the queue, in order. */
    private boolean writeOrRequeue(List<T> batch) {
        boolean written;
        try {
            written = write.write(batch);
        } catch (RuntimeException e) {
            // a writer that throws loses its batch, not the thread (and every later row with it)
            LOG.warn("{}: {} rows not written: {}", thread.getName(), batch.size(), e.toString());
            written = true;
        }
        if (written) {
            pending.addAndGet(-batch.size());
            return true;
        }
        int lost = 0;
        for (int i = batch.size() - 1; i >= 0; i--) {
            // only a bounded queue filled by new rows meanwhile refuses: its oldest rows are dropped
            if (!queue.offerFirst(batch.get(i))) {
                lost++;
            }
        }
        if (lost > 0) {
            pending.addAndGet(-lost);
            LOG.warn("{}: {} rows dropped, the queue is full while the database is unreachable", thread.getName(), lost);
        }
        return false;
    }

    /** Stops the thread after it has written the queued rows (for up to 5 s). */
    @Override
    public void close() {
        close(5_000);
    }

    /**
     * Stops the thread after it has written the queued rows, waiting up to {@code timeoutMillis} for it and as long
     * again for a last {@link #flush}; returns how many rows could not be written.
     */
    public long close(long timeoutMillis) {
        open = false;
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush(timeoutMillis);
        return pending.get();
    }
}
