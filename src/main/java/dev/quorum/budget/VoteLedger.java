package dev.quorum.budget;

import dev.quorum.api.CompletionResult;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.Usd;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus votes in the usage database ({@code consensus_vote}, schema version 4): one row per consensus or
 * cascade result, with the share of the panel that agreed and, for a cascade, whether it escalated and what it saved
 * against the strong provider alone. The dashboard's agreement chart ({@code GET /api/v1/agreement}) and its cascade
 * savings read from here, so they survive a restart as the costs in the usage ledger do, and instances sharing the
 * database show every instance's votes.
 *
 * <p>Rows are queued by the request ({@link #record}, a queue offer) and written in batches by one thread
 * ({@link BatchWriter}), off the request's path, retried while the database is unreachable. Unlike the usage ledger's rows they are not journalled: a vote is a statistic, not spend, so a
 * crash loses at most the votes of the last moment and a database outage longer than the queue holds
 * ({@value #CAPACITY} votes) drops the oldest, with a warning.
 */
public final class VoteLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoteLedger.class);
    private static final int CAPACITY = 10_000;
    private static final int BATCH = 500;
    private static final long LINGER_MILLIS = 20;
    private static final String INSERT = "INSERT INTO consensus_vote (at_ms, request_id, tenant, mode, algorithm, "
            + "agreement_permille, escalated, saved_nanos) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** Upper bounds of the agreement buckets, tenths: a vote with {@code bounds[i-1] < ratio <= bounds[i]} is in i. */
    static final double[] BOUNDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    /** One vote as it is stored. */
    record Vote(long atMillis, String requestId, String tenant, String mode, String algorithm,
                Integer agreementPermille, Boolean escalated, Long savedNanos) {
    }

    private final UsageDatabase database;
    private final Clock clock;
    private final BatchWriter<Vote> writer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastFailureLogged;
    private volatile long lastDropLogged;

    public VoteLedger(UsageDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.writer = new BatchWriter<>("quorum-vote-ledger", CAPACITY, BATCH, LINGER_MILLIS, this::write);
    }

    /**
     * Queues the vote of a result that has an agreement or a cascade outcome (any other result is not a vote and is
     * ignored), for the request's tenant.
     */
    public void record(CompletionResult result, String tenant) {
        if (result == null || (result.agreement() == null && result.cascade() == null)) {
            return;
        }
        Integer permille = result.agreement() == null ? null
                : (int) Math.round(Math.max(0, Math.min(1, result.agreement().ratio())) * 1000);
        Boolean escalated = result.cascade() == null ? null : result.cascade().escalated();
        Long saved = result.cascade() == null || result.cascade().costSavedUsd() == null ? null
                : Math.round(result.cascade().costSavedUsd() * 1e9);
        Vote vote = new Vote(clock.millis(), cut(result.id(), UsageLedger.REQUEST_ID_CHARS),
                cut(tenant == null || tenant.isBlank() ? BudgetGate.DEFAULT_TENANT : tenant, UsageLedger.TENANT_CHARS),
                cut(result.mode() == null ? "unknown" : result.mode(), 20), cut(result.algorithm(), 50), permille,
                escalated, saved);
        // the database has been away for a while when the queue is full: the oldest vote makes room
        int oldest = writer.offerDroppingOldest(vote);
        if (oldest > 0) {
            dropped.addAndGet(oldest);
            long now = System.currentTimeMillis();
            if (now - lastDropLogged > 60_000) {
                lastDropLogged = now;
                LOG.warn("{} consensus votes wait for the usage database: the oldest are dropped from the agreement "
                        + "statistics ({} so far)", CAPACITY, dropped.get());
            }
        }
    }

    /** Votes not yet in the database. */
    long pending() {
        return writer.pending();
    }

    /** Writes every vote queued so far before returning (or gives up after {@code timeoutMillis}). */
    public void flush(long timeoutMillis) {
        writer.flush(timeoutMillis);
    }

    /** Inserts the votes in one batch; false, for the writer to retry them, when the database is unreachable. */
    private boolean write(List<Vote> batch) {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Vote vote : batch) {
                insert.setLong(1, vote.atMillis());
                insert.setString(2, vote.requestId());
                insert.setString(3, vote.tenant());
                insert.setString(4, vote.mode());
                insert.setString(5, vote.algorithm());
                if (vote.agreementPermille() == null) {
                    insert.setNull(6, Types.INTEGER);
                } else {
                    insert.setInt(6, vote.agreementPermille());
                }
                if (vote.escalated() == null) {
                    insert.setNull(7, Types.BOOLEAN);
                } else {
                    insert.setBoolean(7, vote.escalated());
                }
                if (vote.savedNanos() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, vote.savedNanos());
                }
                insert.addBatch();
            }
            insert.executeBatch();
            return true;
        } catch (SQLException e) {
            long now = System.currentTimeMillis();
            if (now - lastFailureLogged > 60_000) {
                lastFailureLogged = now;
                LOG.warn("Could not write {} consensus votes to the usage database (retried): {}", batch.size(),
                        e.getMessage());
            }
            return false;
        }
    }

    /**
     * {@code GET /api/v1/agreement?period=day|month}: per algorithm, the number of votes of the current period, their
     * mean agreement and the votes per tenth of agreement ({@code counts[i]} with
     * {@code bounds[i-1] < ratio <= bounds[i]}), from the database.
     */
    public Map<String, Object> agreement(Exchange exchange) throws SQLException {
        String periodName = exchange.getMessage().getHeader("period", "day", String.class);
        Period period = Period.fromWireName(periodName);
        if (period == null) {
            throw new InvalidRequestException("period", "period must be 'day' or 'month', not '" + periodName + "'");
        }
        Instant now = clock.instant();
        Instant from = period.start(now);
        Instant to = period.end(now);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("period", period.wireName());
        view.put("from", from.toString());
        view.put("to", to.toString());
        view.put("bounds", BOUNDS);
        view.put("algorithms", agreement(from.toEpochMilli(), to.toEpochMilli()));
        return view;
    }

    /** The agreement distribution per algorithm between two instants. */
    Map<String, Object> agreement(long fromMillis, long toMillis) throws SQLException {
        flush(5_000);
        // (permille - 1) / 100 is the tenth a ratio falls in, upper bound included: 0..100 -> 0, 101..200 -> 1, ...
        String sql = "SELECT algorithm, (agreement_permille - 1) / 100, COUNT(*), SUM(agreement_permille) "
                + "FROM consensus_vote WHERE at_ms >= ? AND at_ms < ? AND agreement_permille IS NOT NULL "
                + "GROUP BY algorithm, (agreement_permille - 1) / 100";
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, long[]> sums = new TreeMap<>();
        database.query(sql, rows -> {
            String algorithm = rows.getString(1) == null ? "unknown" : rows.getString(1);
            int bucket = Math.max(0, Math.min(BOUNDS.length - 1, rows.getInt(2)));
            counts.computeIfAbsent(algorithm, a -> new long[BOUNDS.length])[bucket] += rows.getLong(3);
            long[] total = sums.computeIfAbsent(algorithm, a -> new long[2]);
            total[0] += rows.getLong(3);
            total[1] += rows.getLong(4);
            return null;
        }, fromMillis, toMillis);
        Map<String, Object> algorithms = new TreeMap<>();
        counts.forEach((algorithm, perBucket) -> {
            long[] total = sums.get(algorithm);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("count", total[0]);
            one.put("mean", total[0] == 0 ? 0 : Math.round((double) total[1] / total[0]) / 1000d);
            one.put("counts", perBucket);
            algorithms.put(algorithm, one);
        });
        return algorithms;
    }

    /**
     * What cascades did between two instants: how many, how many escalated, and what they saved together against
     * asking the strong provider alone (negative when escalations cost more).
     */
    Map<String, Object> cascades(long fromMillis, long toMillis) throws SQLException {
        flush(5_000);
        String sql = "SELECT COUNT(*), SUM(CASE WHEN escalated THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN saved_nanos > 0 THEN saved_nanos ELSE 0 END), SUM(saved_nanos) FROM consensus_vote "
                + "WHERE at_ms >= ? AND at_ms < ? AND mode = 'cascade'";
        return database.query(sql, rows -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("requests", rows.getLong(1));
            view.put("escalated", rows.getLong(2));
            view.put("savedUsd", Usd.ofNanos(rows.getLong(3)));
            view.put("netSavedUsd", Usd.ofNanos(rows.getLong(4)));
            return view;
        }, fromMillis, toMillis).get(0);
    }

    private static String cut(String value, int chars) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        return clean.length() <= chars ? clean : clean.substring(0, chars);
    }

    /** Stops the writer and writes every queued vote. */
    @Override
    public void close() {
        long left = writer.close(5_000);
        if (left > 0) {
            LOG.warn("{} consensus votes could not be written before shutdown: they are not in the agreement "
                    + "statistics", left);
        }
    }
}
