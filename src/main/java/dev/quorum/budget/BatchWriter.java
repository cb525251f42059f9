package dev.quorum.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows for the usage database written in batches from a thread of its own, so the request that makes a row never
 * waits for the database: a bounded queue ({@link #offer} never blocks and says when the queue is full, for the caller
 * to log what goes uncounted), batches of up to {@code batchSize} rows handed to {@code write} (which deals with its
 * own SQL errors), {@link #awaitWritten} for a read that must see them, and on {@link #close} the rows still queued written before the thread ends (for up to 5 s).
 * For figures whose loss in a crash or a long outage costs a statistic, not money (cache savings, prompt experiment
 * outcomes): the usage ledger's own rows have a write-ahead journal and their own writer ({@link UsageLedger}).
 */
public final class BatchWriter<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final BlockingQueue<T> queue;
    private final int batchSize;
    private final Consumer<List<T>> write;
    /** Rows offered and not yet through {@code write}: counted before the queue takes them, so none is missed. */
    private final AtomicLong pending = new AtomicLong();
    private final Thread thread;
    private volatile boolean open = true;

    public BatchWriter(String threadName, int capacity, int batchSize, Consumer<List<T>> write) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.write = write;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a row; false (at once) when the queue is full. */
    public boolean offer(T row) {
        pending.incrementAndGet();
        if (queue.offer(row)) {
            return true;
        }
        pending.decrementAndGet();
        return false;
    }

    /**
     * Waits until every row offered before the call has been through {@code write} (a read that must see the rows
     * this instance made), or {@code timeoutMillis} has passed.
     */
    public void awaitWritten(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        List<T> batch = new ArrayList<>(batchSize);
        while (open || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a writer that throws loses its batch, not the thread (and every later row with it)
                LOG.warn("{}: {} rows not written: {}", thread.getName(), batch.size(), e.toString());
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
