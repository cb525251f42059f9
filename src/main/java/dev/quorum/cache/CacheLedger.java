package dev.quorum.cache;

import dev.quorum.budget.BatchWriter;
import dev.quorum.budget.UsageDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the response cache's hits to the {@code cache_hit} table (what each would have cost: the money the cache
 * saved) from a thread of its own, so a hit never waits for the database. The hit's row in the usage ledger
 * (outcome {@code cache_hit}, cost 0) is written by the usage ledger as every call's is. Rows wait in a bounded queue;
 * when the database is away longer than the queue lasts, the savings of further hits are logged and not counted
 * (the hits themselves are in the usage ledger all the same).
 */
public final class CacheLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheLedger.class);
    private static final int CAPACITY = 10_000;

    /** One hit: when, which request, whose stored answer, the tenant, exact or semantic, and the cost saved. */
    public record Hit(long atMillis, String requestId, String originalRequestId, String tenant, String kind,
                      long savedNanos) {
    }

    private final UsageDatabase database;
    private final BatchWriter<Hit> writer;
    private volatile long lastDropLogged;

    public CacheLedger(UsageDatabase database) {
        this.database = database;
        this.writer = new BatchWriter<>("quorum-cache-ledger", CAPACITY, 500, this::write);
    }

    /** Queues a hit for the database; never waits. */
    public void record(Hit hit) {
        if (!writer.offer(hit)) {
            long now = System.currentTimeMillis();
            if (now - lastDropLogged > 60_000) {
                lastDropLogged = now;
                LOG.warn("The cache_hit table is {} rows behind: the savings of cache hits are not counted until it "
                        + "catches up (the hits are in the usage ledger)", CAPACITY);
            }
        }
    }


    private void write(List<Hit> batch) {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO cache_hit (at_ms, request_id, "
                     + "original_request_id, tenant, kind, saved_nanos) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Hit hit : batch) {
                insert.setLong(1, hit.atMillis());
                insert.setString(2, cut(hit.requestId(), 200));
                insert.setString(3, cut(hit.originalRequestId(), 200));
                insert.setString(4, cut(hit.tenant(), 200));
                insert.setString(5, hit.kind());
                insert.setLong(6, hit.savedNanos());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            LOG.warn("{} cache hits not written to cache_hit (their savings are not counted): {}", batch.size(),
                    e.getMessage());
        }
    }

    private static String cut(String value, int chars) {
        return value == null || value.length() <= chars ? value : value.substring(0, chars);
    }

    @Override
    public void close() {
        writer.close();
    }
}
