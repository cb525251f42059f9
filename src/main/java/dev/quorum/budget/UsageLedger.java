package dev.quorum.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger: one row per provider call. Requests only queue their row ({@link #record}); one writer thread
 * inserts queued rows in batches with one prepared statement, off the requests' path (after the first row it waits
 * 20 ms for more, so under load it commits one batch per 20 ms rather than one per call). A full queue makes the
 * caller write its row itself rather than drop it; {@link #close} stops the writer and writes every queued row, so
 * a normal shutdown loses none. Reads ({@link #totals}, {@link #recentErrors}) first write what is queued.
 */
public final class UsageLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);
    private static final int BATCH = 500;
    /** How long the writer waits for more rows after the first, so a busy gateway commits batches, not single rows. */
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final String INSERT = "INSERT INTO usage_ledger (at_ms, request_id, tenant, provider, model, task, "
            + "input_tokens, output_tokens, cached_tokens, reasoning_tokens, cost_nanos, latency_ms, outcome) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Columns a usage report may group by. */
    static final Set<String> GROUPS = Set.of("provider", "model", "tenant");

    /** Sums over ledger rows: requests, failed requests, tokens and cost. */
    public record Totals(String key, long requests, long errors, long inputTokens, long outputTokens, long costNanos) {
    }

    /** A failed call as the usage report lists it. */
    public record ErrorRow(long atMillis, String requestId, String provider, String model, String outcome) {
    }

    private final UsageDatabase database;
    private final LinkedBlockingDeque<LedgerEntry> queue;
    private final AtomicLong pending = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();
    private final Thread writer;
    private volatile boolean running = true;
    private volatile long lastFailureLogged;

    public UsageLedger(UsageDatabase database, int queueCapacity) {
        this.database = database;
        this.queue = new LinkedBlockingDeque<>(queueCapacity);
        this.writer = new Thread(this::run, "quorum-usage-ledger");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues one row; never blocks the request for a database round trip unless the queue is full. */
    public void record(LedgerEntry entry) {
        pending.incrementAndGet();
        if (!queue.offerLast(entry)) {
            writing.lock();
            try {
                writeOrRequeue(new ArrayList<>(List.of(entry)));
            } finally {
                writing.unlock();
            }
        }
    }

    private void run() {
        List<LedgerEntry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                LedgerEntry first = queue.pollFirst(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (running && queue.size() < BATCH - 1) {
                    LockSupport.parkNanos(LINGER_NANOS);
                }
                writing.lock();
                try {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    if (!writeOrRequeue(batch)) {
                        pause();
                    }
                } finally {
                    batch.clear();
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes every row queued so far before returning (or gives up after {@code timeoutMillis}). */
    public void flush(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<LedgerEntry> batch = new ArrayList<>();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            writing.lock();
            try {
                queue.drainTo(batch);
                if (!batch.isEmpty() && !writeOrRequeue(batch)) {
                    return;
                }
            } finally {
                batch.clear();
                writing.unlock();
            }
            if (pending.get() > 0) {
                // the writer thread holds rows it polled but has not written yet (it waits a moment for more)
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    /** Inserts the rows in one batch; on failure puts them back at the head of the queue and says so. */
    private boolean writeOrRequeue(List<LedgerEntry> batch) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LedgerEntry entry : batch) {
                    insert.setLong(1, entry.atMillis());
                    insert.setString(2, entry.requestId());
                    insert.setString(3, entry.tenant());
                    insert.setString(4, entry.provider());
                    insert.setString(5, entry.model());
                    insert.setString(6, entry.task());
                    insert.setInt(7, entry.inputTokens());
                    insert.setInt(8, entry.outputTokens());
                    insert.setInt(9, entry.cachedTokens());
                    insert.setInt(10, entry.reasoningTokens());
                    insert.setLong(11, entry.costNanos());
                    insert.setLong(12, entry.latencyMs());
                    insert.setString(13, entry.outcome());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            pending.addAndGet(-batch.size());
            return true;
        } catch (SQLException e) {
            long now = System.currentTimeMillis();
            if (now - lastFailureLogged > 60_000) {
                lastFailureLogged = now;
                LOG.error("Could not write {} usage ledger rows (kept in memory, retried): {}", batch.size(),
                        e.getMessage());
            }
            for (int i = batch.size() - 1; i >= 0; i--) {
                queue.offerFirst(batch.get(i));
            }
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000); // the database is unreachable: retry in a second rather than spin
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sums of the rows between two instants, grouped by {@code group} (one of {@link #GROUPS}), dearest first. */
    public List<Totals> totals(long fromMillis, long toMillis, String group) throws SQLException {
        flush(5_000);
        String key = group == null ? "'*'" : column(group);
        String sql = "SELECT " + key + ", COUNT(*), SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END), "
                + "SUM(input_tokens), SUM(output_tokens), SUM(cost_nanos) FROM usage_ledger "
                + "WHERE at_ms >= ? AND at_ms < ?" + (group == null ? "" : " GROUP BY " + key + " ORDER BY 6 DESC, 1");
        List<Totals> rows = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, fromMillis);
            query.setLong(2, toMillis);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    if (result.getLong(2) > 0) {
                        rows.add(new Totals(result.getString(1), result.getLong(2), result.getLong(3),
                                result.getLong(4), result.getLong(5), result.getLong(6)));
                    }
                }
            }
        }
        return rows;
    }

    /** The latest failed calls since {@code fromMillis}, newest first. */
    public List<ErrorRow> recentErrors(long fromMillis, int limit) throws SQLException {
        flush(5_000);
        String sql = "SELECT at_ms, request_id, provider, model, outcome FROM usage_ledger "
                + "WHERE at_ms >= ? AND outcome <> 'ok' ORDER BY at_ms DESC FETCH FIRST " + limit + " ROWS ONLY";
        List<ErrorRow> rows = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, fromMillis);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new ErrorRow(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5)));
                }
            }
        }
        return rows;
    }

    /** Every row between two instants, oldest first (for tests and exports). */
    public List<LedgerEntry> entries(long fromMillis, long toMillis) throws SQLException {
        flush(5_000);
        String sql = "SELECT at_ms, request_id, tenant, provider, model, task, input_tokens, output_tokens, "
                + "cached_tokens, reasoning_tokens, cost_nanos, latency_ms, outcome FROM usage_ledger "
                + "WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms";
        List<LedgerEntry> rows = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, fromMillis);
            query.setLong(2, toMillis);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new LedgerEntry(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getInt(7),
                            result.getInt(8), result.getInt(9), result.getInt(10), result.getLong(11),
                            result.getLong(12), result.getString(13)));
                }
            }
        }
        return rows;
    }

    private static String column(String group) {
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("cannot group usage by " + group);
        }
        return group;
    }

    /** Stops the writer and writes every queued row. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush(10_000);
        if (pending.get() > 0) {
            LOG.error("{} usage ledger rows could not be written before shutdown", pending.get());
        }
    }
}
