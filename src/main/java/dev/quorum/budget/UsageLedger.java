package dev.quorum.budget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger: one row per provider call. A call's intent ({@link #begin}, before it is made) and its row
 * ({@link #record}, before its result is handed on) are first appended to the instance's {@link LedgerJournal} on
 * local disk, so a row is durable against a crash before anyone sees the result; one writer thread ({@link BatchWriter})
 * then inserts the rows into the database in batches with one prepared statement, off the requests' path, and tells the journal what
 * is committed. A start replays what the previous run left in its journal ({@link #replay}).
 *
 * <p>Nothing is dropped: while the database is unreachable rows stay queued (and journalled) and are retried;
 * once {@code queueCapacity} rows wait, {@link #accepting()} says no and the budget gate refuses new calls with a
 * 503 rather than make calls it could not record. Strings longer than their column are cut at this boundary (and
 * logged), and NUL characters, which PostgreSQL refuses in text, replaced, so no row can fail on its strings; a row
 * the database still refuses as data (SQLState 22xxx/23xxx) is set aside in {@code ledger-rejected.log} in the data
 * folder, loudly, instead of blocking the rows behind it.
 * {@link #close} stops the writer and writes every queued row.
 */
public final class UsageLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);
    private static final int BATCH = 500;
    /** How long the writer waits for more rows after the first, so a busy gateway commits batches, not single rows. */
    private static final long LINGER_MILLIS = 20;
    private static final String INSERT = "INSERT INTO usage_ledger (call_id, at_ms, request_id, tenant, provider, model, "
            + "task, input_tokens, output_tokens, cached_tokens, reasoning_tokens, cost_nanos, latency_ms, outcome) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Columns a usage report may group by. */
    static final Set<String> GROUPS = Set.of("provider", "model", "tenant");
    /** The widths of the string columns (schema of UsageDatabase): longer values are cut to these. */
    static final int CALL_ID_CHARS = 100;
    static final int REQUEST_ID_CHARS = 200;
    static final int TENANT_CHARS = 200;
    static final int PROVIDER_CHARS = 100;
    static final int MODEL_CHARS = 200;
    static final int TASK_CHARS = 50;
    static final int OUTCOME_CHARS = 50;

    /**
     * Sums over ledger rows: provider calls ({@code requests}), the client requests behind them (distinct request
     * ids, health probes left out), failed calls, tokens and cost.
     */
    public record Totals(String key, long requests, long clientRequests, long errors, long inputTokens,
                         long outputTokens, long costNanos) {
    }

    /** One provider's answered calls in one time slot: how many, and their median and 95th percentile latency. */
    public record LatencySlot(String provider, long slotStartMillis, long calls, long p50Ms, long p95Ms) {
    }

    /** The outcome of a request answered from the response cache (dev.quorum.cache): no call, no error, cost 0. */
    public static final String CACHE_HIT = "cache_hit";

    /** The response cache's hits between two instants and what they saved (table cache_hit, docs/cache.md). */
    public record CacheTotals(long hits, long savedNanos) {
    }

    /** The task of a health probe's ledger row (dev.quorum.routing.HealthProbe). */
    public static final String PROBE_TASK = "probe";

    /** A failed call as the usage report lists it. */
    public record ErrorRow(long atMillis, String requestId, String provider, String model, String outcome) {
    }

    /** A row waiting for the database: its journal sequence, and whether it may already be there (a replay). */
    private record Pending(LedgerEntry entry, long seq, boolean replayed) {
    }

    private final UsageDatabase database;
    private final LedgerJournal journal;
    private final int capacity;
    private final Path rejectedFile;
    private final String callIdPrefix;
    private final AtomicLong calls = new AtomicLong();
    /** Unbounded: a row is journalled before it is queued and is never refused here; {@link #accepting} bounds it. */
    private final BatchWriter<Pending> writer;
    private final Map<String, Long> lastClampLogged = new ConcurrentHashMap<>();
    private volatile boolean journalFailing;
    private volatile long lastFailureLogged;
    private volatile long lastJournalFailureLogged;

    /**
     * A ledger on {@code database} journalled in {@code journal}; call ids start with {@code instanceId}; rows the
     * database refuses go to {@code rejectedFile}.
     */
    public UsageLedger(UsageDatabase database, int queueCapacity, LedgerJournal journal, String instanceId,
                       Path rejectedFile) {
        this.database = database;
        this.journal = journal;
        this.capacity = queueCapacity;
        this.rejectedFile = rejectedFile;
        this.callIdPrefix = instanceId + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        this.writer = new BatchWriter<>("quorum-usage-ledger", Integer.MAX_VALUE, BATCH, LINGER_MILLIS,
                this::writeOrRetry);
    }

    /** What every call id of this run starts with. */
    public String runPrefix() {
        return callIdPrefix;
    }

    /** A new call id, unique across this instance's restarts and across instances: {@code <instance>-<start>-<n>}. */
    public String newCallId() {
        return callIdPrefix + Long.toString(calls.incrementAndGet(), 36);
    }

    /**
     * Appends what the previous run of this instance left in its journal to the current segment and queues it for
     * the database (rows already there are not written twice), then forgets the old segments. Returns how many rows.
     */
    public int replay() throws IOException {
        List<LedgerEntry> recovered = journal.recover();
        for (LedgerEntry entry : recovered) {
            append(clamp(entry), true);
        }
        journal.recovered();
        if (!recovered.isEmpty()) {
            long interrupted = recovered.stream().filter(e -> LedgerEntry.INTERRUPTED.equals(e.outcome())).count();
            LOG.warn("Usage ledger: {} row(s) replayed from the journal of the last run, {} of them calls interrupted "
                    + "by its end (outcome 'interrupted', cost 0)", recovered.size(), interrupted);
        }
        return recovered.size();
    }

    /**
     * Whether a new call may be made: false while {@code queueCapacity} rows wait for the database (it is down or
     * far behind) or the journal cannot be written, so no call is made that could not be recorded.
     */
    public boolean accepting() {
        return writer.pending() < capacity && !journalFailing;
    }

    /** Rows not yet in the database. */
    public long pending() {
        return writer.pending();
    }

    /** Journals the intent of a call about to be made; a start after a crash books it as {@code interrupted}. */
    public void begin(String callId, long atMillis, String requestId, String tenant, String provider, String model,
                      String task) {
        try {
            journal.begin(callId, atMillis, cut(requestId, REQUEST_ID_CHARS, "request id"),
                    cut(tenant, TENANT_CHARS, "tenant"), cut(provider, PROVIDER_CHARS, "provider"),
                    cut(model, MODEL_CHARS, "model"), cut(task, TASK_CHARS, "task"));
            journalFailing = false;
        } catch (IOException e) {
            journalFailed(e);
        }
    }

    /** Journals one row and queues it for the database; never waits for the database. */
    public void record(LedgerEntry entry) {
        append(clamp(entry), false);
    }

    private void append(LedgerEntry row, boolean replayed) {
        synchronized (journal) {
            long seq = 0;
            try {
                seq = journal.row(row);
                journalFailing = false;
            } catch (IOException e) {
                journalFailed(e);
            }
            // in journal order, so committing a batch commits every row up to its last sequence
            writer.offer(new Pending(row, seq, replayed));
        }
    }

    private void journalFailed(IOException e) {
        journalFailing = true;
        long now = System.currentTimeMillis();
        if (now - lastJournalFailureLogged > 60_000) {
            lastJournalFailureLogged = now;
            LOG.error("The usage ledger journal cannot be written ({}): rows are kept in memory only and new calls are "
                    + "refused until it can", e.getMessage());
        }
    }

    /** Writes every row queued so far before returning (or gives up after {@code timeoutMillis}). */
    public void flush(long timeoutMillis) {
        writer.flush(timeoutMillis);
    }

    /**
     * Inserts the rows in one transaction; when the database is unreachable (or the write fails otherwise) marks them
     * as possibly written, so a retry after a partial write skips what is there, and answers false: the writer puts
     * them back at the head of its queue and retries.
     */
    private boolean writeOrRetry(List<Pending> batch) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, batch);
            } finally {
                connection.setAutoCommit(true);
            }
            long last = 0;
            for (Pending row : batch) {
                last = Math.max(last, row.seq());
            }
            journal.committed(last);
            return true;
        } catch (SQLException | RuntimeException e) {
            long now = System.currentTimeMillis();
            if (now - lastFailureLogged > 60_000) {
                lastFailureLogged = now;
                LOG.error("Could not write {} usage ledger rows ({} waiting; kept in the journal and retried): {}",
                        batch.size(), writer.pending(), e.getMessage());
            }
            batch.replaceAll(row -> row.replayed() ? row : new Pending(row.entry(), row.seq(), true));
            return false;
        }
    }

    private void write(Connection connection, List<Pending> batch) throws SQLException {
        List<Pending> rows = withoutWritten(connection, batch);
        try {
            insert(connection, rows);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (!dataError(e)) {
                throw e;
            }
            // some row can never be written: write them one by one, setting aside only the rows the database refuses
            for (Pending row : rows) {
                try {
                    insert(connection, List.of(row));
                    connection.commit();
                } catch (SQLException refused) {
                    connection.rollback();
                    if (!dataError(refused)) {
                        throw refused;
                    }
                    setAside(row, refused);
                }
            }
        }
    }

    /** The rows of the batch not in the database yet: replayed rows whose call id is there already are left out. */
    private static List<Pending> withoutWritten(Connection connection, List<Pending> batch) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (Pending row : batch) {
            if (row.replayed() && row.entry().callId() != null) {
                ids.add(row.entry().callId());
            }
        }
        if (ids.isEmpty()) {
            return batch;
        }
        Set<String> written = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            String sql = "SELECT call_id FROM usage_ledger WHERE call_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    query.setString(i + 1, chunk.get(i));
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        written.add(result.getString(1));
                    }
                }
            }
        }
        if (written.isEmpty()) {
            return batch;
        }
        List<Pending> rows = new ArrayList<>(batch.size());
        for (Pending row : batch) {
            if (!(row.replayed() && written.contains(row.entry().callId()))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insert(Connection connection, List<Pending> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Pending row : rows) {
                LedgerEntry entry = row.entry();
                insert.setString(1, entry.callId());
                insert.setLong(2, entry.atMillis());
                insert.setString(3, entry.requestId());
                insert.setString(4, entry.tenant());
                insert.setString(5, entry.provider());
                insert.setString(6, entry.model());
                insert.setString(7, entry.task());
                insert.setInt(8, entry.inputTokens());
                insert.setInt(9, entry.outputTokens());
                insert.setInt(10, entry.cachedTokens());
                insert.setInt(11, entry.reasoningTokens());
                insert.setLong(12, entry.costNanos());
                insert.setLong(13, entry.latencyMs());
                insert.setString(14, entry.outcome());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint): the row itself, not the database, is wrong. */
    private static boolean dataError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        if (e instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null) {
            return dataError(batch.getNextException());
        }
        return false;
    }

    private void setAside(Pending row, SQLException refused) {
        LedgerEntry e = row.entry();
        LOG.error("Usage ledger row of call {} (request {}, provider {}, cost {} nano-USD) is refused by the database "
                        + "({} {}): kept in {} instead", e.callId(), e.requestId(), e.provider(), e.costNanos(),
                refused.getSQLState(), refused.getMessage(), rejectedFile);
        String line = String.join("\t", String.valueOf(e.callId()), String.valueOf(e.atMillis()),
                String.valueOf(e.requestId()), String.valueOf(e.tenant()), String.valueOf(e.provider()),
                String.valueOf(e.model()), String.valueOf(e.task()), String.valueOf(e.inputTokens()),
                String.valueOf(e.outputTokens()), String.valueOf(e.cachedTokens()), String.valueOf(e.reasoningTokens()),
                String.valueOf(e.costNanos()), String.valueOf(e.latencyMs()), String.valueOf(e.outcome()))
                .replace("\n", "\\n") + "\n";
        try {
            Files.writeString(rejectedFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException io) {
            LOG.error("Could not keep the refused ledger row in {} either: {}", rejectedFile, line.trim());
        }
    }

    /** The row with every string cut to its column (logged), and the non-null columns filled. */
    LedgerEntry clamp(LedgerEntry entry) {
        String callId = cut(entry.callId(), CALL_ID_CHARS, "call id");
        String requestId = cut(entry.requestId(), REQUEST_ID_CHARS, "request id");
        String tenant = cut(entry.tenant() == null ? BudgetGate.DEFAULT_TENANT : entry.tenant(), TENANT_CHARS, "tenant");
        String provider = cut(entry.provider() == null ? "unknown" : entry.provider(), PROVIDER_CHARS, "provider");
        String model = cut(entry.model(), MODEL_CHARS, "model");
        String task = cut(entry.task(), TASK_CHARS, "task");
        String outcome = cut(entry.outcome() == null ? "unknown" : entry.outcome(), OUTCOME_CHARS, "outcome");
        if (callId == entry.callId() && requestId == entry.requestId() && tenant == entry.tenant()
                && provider == entry.provider() && model == entry.model() && task == entry.task()
                && outcome == entry.outcome()) {
            return entry;
        }
        return new LedgerEntry(callId, entry.atMillis(), requestId, tenant, provider, model, task, entry.inputTokens(),
                entry.outputTokens(), entry.cachedTokens(), entry.reasoningTokens(), entry.costNanos(),
                entry.latencyMs(), outcome);
    }

    private String cut(String value, int chars, String what) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            // PostgreSQL stores no NUL in text (SQLState 22021): the row would be set aside instead of written
            value = value.replace('\0', '\uFFFD');
            logOnceAMinute("nul " + what, "Usage ledger: a {} holding NUL characters is written with U+FFFD in their "
                    + "place ('{}…')", what, value.substring(0, Math.min(40, value.length())));
        }
        if (value.length() <= chars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(chars - 1)) ? chars - 1 : chars;
        logOnceAMinute(what, "Usage ledger: a {} of {} characters is cut to the column's {} ('{}…')", what,
                value.length(), chars, value.substring(0, Math.min(40, end)));
        return value.substring(0, end);
    }

    private void logOnceAMinute(String key, String message, Object... arguments) {
        long now = System.currentTimeMillis();
        Long last = lastClampLogged.get(key);
        if (last == null || now - last > 60_000) {
            lastClampLogged.put(key, now);
            LOG.warn(message, arguments);
        }
    }

    /** Sums of the rows between two instants, grouped by {@code group} (one of {@link #GROUPS}), dearest first. */
    public List<Totals> totals(long fromMillis, long toMillis, String group) throws SQLException {
        flush(5_000);
        String key = group == null ? "'*'" : column(group);
        String sql = "SELECT " + key + ", COUNT(*), COUNT(DISTINCT CASE WHEN task = '" + PROBE_TASK + "' THEN NULL "
                + "ELSE request_id END), SUM(CASE WHEN outcome IN ('ok', '" + CACHE_HIT + "') THEN 0 ELSE 1 END), "
                + "SUM(input_tokens), SUM(output_tokens), SUM(cost_nanos) FROM usage_ledger "
                + "WHERE at_ms >= ? AND at_ms < ?" + (group == null ? "" : " GROUP BY " + key + " ORDER BY 7 DESC, 1");
        // without a group, SQL sums an empty period into one row of nothing: it is left out
        return database.query(sql, result -> result.getLong(2) == 0 ? null : new Totals(result.getString(1), result.getLong(2),
                result.getLong(3), result.getLong(4), result.getLong(5), result.getLong(6), result.getLong(7)),
                fromMillis, toMillis);
    }

    /**
     * The median and 95th percentile latency of each provider's answered calls (health probes left out) per slot of
     * {@code slotMillis} between two instants, oldest slot first: SQL's {@code PERCENTILE_CONT}, which H2 and
     * PostgreSQL both have, over the ledger's rows.
     */
    public List<LatencySlot> latency(long fromMillis, long toMillis, long slotMillis) throws SQLException {
        flush(5_000);
        if (slotMillis <= 0) {
            throw new IllegalArgumentException("slotMillis must be positive");
        }
        // the slot is a literal, not a parameter: PostgreSQL takes two parameters as two different expressions
        String slot = "(at_ms / " + slotMillis + ")";
        String sql = "SELECT provider, " + slot + ", COUNT(*), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY latency_ms), "
                + "PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) FROM usage_ledger "
                + "WHERE at_ms >= ? AND at_ms < ? AND outcome = 'ok' "
                + "AND (task IS NULL OR task <> '" + PROBE_TASK + "') "
                + "GROUP BY provider, " + slot + " ORDER BY 2, 1";
        return database.query(sql, result -> new LatencySlot(result.getString(1), result.getLong(2) * slotMillis,
                result.getLong(3), Math.round(result.getDouble(4)), Math.round(result.getDouble(5))),
                fromMillis, toMillis);
    }

    /** The latest failed calls since {@code fromMillis}, newest first. */
    public List<ErrorRow> recentErrors(long fromMillis, int limit) throws SQLException {
        flush(5_000);
        String sql = "SELECT at_ms, request_id, provider, model, outcome FROM usage_ledger "
                + "WHERE at_ms >= ? AND outcome NOT IN ('ok', '" + CACHE_HIT + "') ORDER BY at_ms DESC FETCH FIRST "
                + limit + " ROWS ONLY";
        return database.query(sql, result -> new ErrorRow(result.getLong(1), result.getString(2), result.getString(3),
                result.getString(4), result.getString(5)), fromMillis);
    }

    /** The response cache's hits between two instants and the cost they saved. */
    public CacheTotals cacheTotals(long fromMillis, long toMillis) throws SQLException {
        return database.query("SELECT COUNT(*), SUM(saved_nanos) FROM cache_hit WHERE at_ms >= ? AND at_ms < ?",
                result -> new CacheTotals(result.getLong(1), result.getLong(2)), fromMillis, toMillis).get(0);
    }

    /** Every row between two instants, oldest first (for tests and exports). */
    public List<LedgerEntry> entries(long fromMillis, long toMillis) throws SQLException {
        flush(5_000);
        String sql = "SELECT call_id, at_ms, request_id, tenant, provider, model, task, input_tokens, output_tokens, "
                + "cached_tokens, reasoning_tokens, cost_nanos, latency_ms, outcome FROM usage_ledger "
                + "WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms";
        return database.query(sql, result -> new LedgerEntry(result.getString(1), result.getLong(2), result.getString(3),
                result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                result.getInt(8), result.getInt(9), result.getInt(10), result.getInt(11),
                result.getLong(12), result.getLong(13), result.getString(14)), fromMillis, toMillis);
    }

    private static String column(String group) {
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("cannot group usage by " + group);
        }
        return group;
    }

    /** Stops the writer and writes every queued row; what cannot be written stays in the journal for the next start. */
    @Override
    public void close() {
        long left = writer.close(10_000);
        if (left > 0) {
            LOG.error("{} usage ledger rows could not be written before shutdown: they stay in the journal and are "
                    + "written at the next start", left);
        }
        journal.close();
    }
}
