package dev.quorum.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.Clock;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget windows in the database, changed only by short statements that lock the windows' rows (in one fixed
 * order): a reservation checks every window a call falls under and reserves its estimate in all of them or in none
 * (one conditional UPDATE per window), and a settlement replaces the reservation with the actual cost. Because the
 * check and the reservation are one statement on the locked row, concurrent requests and several Quorum instances
 * sharing the database cannot jointly pass a limit.
 *
 * <p>A reservation is a lease: rows of {@code budget_lease} written in the same transaction as the windows' update,
 * naming the call, its owner (the instance id) and its expiry. Settling deletes the lease in the same transaction as
 * the spend update; a lease whose call never settles (its process was killed) is released by {@link #maintain} on any
 * instance once expired, lazily by a reservation that finds a window full, and by its owner at its next start
 * ({@link #reconcileOwned}). Releasing a lease books the cost its call's ledger row shows (the row the owner's journal
 * replayed), else 0. A settlement that cannot reach the database is kept and retried by {@link #maintain}.
 */
public final class BudgetStore {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetStore.class);
    private static final String INSERT = "INSERT INTO budget_window (budget, subject, period_key, spent_nanos, "
            + "reserved_nanos) VALUES (?, ?, ?, 0, 0)";
    private static final String LOCK = "SELECT spent_nanos, reserved_nanos FROM budget_window "
            + "WHERE budget = ? AND subject = ? AND period_key = ? FOR UPDATE";
    private static final String READ = "SELECT spent_nanos, reserved_nanos FROM budget_window "
            + "WHERE budget = ? AND subject = ? AND period_key = ?";
    /** The boundary rule of {@link Budget#fits} in SQL: spent + reserved + estimate <= limit. */
    private static final String RESERVE_IF_FITS = "UPDATE budget_window SET reserved_nanos = reserved_nanos + ? "
            + "WHERE budget = ? AND subject = ? AND period_key = ? AND spent_nanos + reserved_nanos + ? <= ?";
    private static final String SETTLE = "UPDATE budget_window SET reserved_nanos = reserved_nanos - ?, "
            + "spent_nanos = spent_nanos + ? WHERE budget = ? AND subject = ? AND period_key = ?";
    private static final String PERIOD = "SELECT budget, subject, spent_nanos, reserved_nanos FROM budget_window "
            + "WHERE period_key = ?";
    private static final String LEASE = "INSERT INTO budget_lease (lease_id, budget, subject, period_key, owner, "
            + "estimate_nanos, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DROP_LEASE = "DELETE FROM budget_lease WHERE lease_id = ?";
    private static final String DROP_EXPIRED_LEASE = "DELETE FROM budget_lease WHERE lease_id = ? AND expires_at_ms < ?";
    private static final String LEASE_ROWS = "SELECT budget, subject, period_key, estimate_nanos FROM budget_lease "
            + "WHERE lease_id = ? ORDER BY budget, subject, period_key";
    private static final String EXPIRED = "SELECT DISTINCT lease_id FROM budget_lease WHERE expires_at_ms < ? "
            + "FETCH FIRST 500 ROWS ONLY";
    private static final String OWNED = "SELECT DISTINCT lease_id FROM budget_lease WHERE owner = ?";
    private static final String RENEW = "UPDATE budget_lease SET expires_at_ms = ? WHERE lease_id = ?";
    private static final String LEDGERED_COST = "SELECT cost_nanos FROM usage_ledger WHERE call_id = ?";
    private static final String LEASES = "SELECT COUNT(*) FROM budget_lease";

    /** A window's spend (settled) and reservations (calls in flight), in nano-dollars. */
    public record Spend(long spentNanos, long reservedNanos) {
        long total() {
            return spentNanos + reservedNanos;
        }
    }

    /** A budget window a call would pass, with what it held when the call was checked. */
    public record Violation(BudgetWindow window, Spend spend) {
    }

    /** One stored window of a period: the budget's name, the subject and its spend. */
    public record StoredWindow(String budget, String subject, Spend spend) {
    }

    /** A window whose spend crossed one of its alert thresholds in a settlement. */
    public record Crossing(BudgetWindow window, int threshold, long spentNanos) {
    }

    /** A settlement that could not reach the database, retried by {@link #maintain}. */
    private record Unsettled(Reservation reservation, long actualNanos) {
    }

    private final UsageDatabase database;
    private final String owner;
    private final String runPrefix;
    private final Clock clock;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final Queue<Unsettled> unsettled = new ConcurrentLinkedQueue<>();
    private volatile boolean reconciled;

    /**
     * The windows in {@code database}; leases this store makes are owned by {@code owner} (the instance id), and the
     * ids of this run's leases start with {@code runPrefix} (the ledger's call ids), which the start's reconciliation
     * leaves alone.
     */
    public BudgetStore(UsageDatabase database, String owner, String runPrefix, Clock clock) {
        this.database = database;
        this.owner = owner;
        this.runPrefix = runPrefix;
        this.clock = clock;
    }

    public String owner() {
        return owner;
    }

    /**
     * Reserves the lease's estimate in every window, or in none, and writes the lease in the same transaction: returns
     * the windows the call would pass (empty when the reservation was made). Each window is reserved by one
     * conditional UPDATE whose WHERE clause is the boundary rule of {@link Budget#fits}; the database evaluates it on
     * the row it locks, so two concurrent reservations never both see the old spend. Windows are reserved in a fixed
     * order. A refusal first releases any expired lease and tries once more.
     */
    public List<Violation> reserve(Reservation lease) throws SQLException {
        List<Violation> violations = tryReserve(lease);
        if (!violations.isEmpty() && releaseExpired() > 0) {
            violations = tryReserve(lease);
        }
        return violations;
    }

    private List<Violation> tryReserve(Reservation lease) throws SQLException {
        List<BudgetWindow> ordered = ordered(lease.windows());
        long estimateNanos = lease.estimateNanos();
        ensure(ordered);
        return database.inTransaction(connection -> {
            BudgetWindow refused = null;
            try (PreparedStatement reserve = connection.prepareStatement(RESERVE_IF_FITS)) {
                for (BudgetWindow window : ordered) {
                    reserve.setLong(1, estimateNanos);
                    bind(reserve, 2, window);
                    reserve.setLong(5, estimateNanos);
                    reserve.setLong(6, window.budget().limitNanos());
                    if (reserve.executeUpdate() == 0) {
                        refused = window;
                        break;
                    }
                }
            }
            if (refused == null) {
                try (PreparedStatement insert = connection.prepareStatement(LEASE)) {
                    for (BudgetWindow window : ordered) {
                        insert.setString(1, lease.leaseId());
                        bind(insert, 2, window);
                        insert.setString(5, owner);
                        insert.setLong(6, estimateNanos);
                        insert.setLong(7, lease.expiresAtMillis());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return List.of();
            }
            connection.rollback();
            return violations(connection, ordered, refused, estimateNanos);
        });
    }

    /**
     * Extends a lease to its new expiry; false when it is gone (it expired and another instance released it), in
     * which case nothing is reserved for the call any more.
     */
    public boolean renew(Reservation lease) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement renew = connection.prepareStatement(RENEW)) {
            renew.setLong(1, lease.expiresAtMillis());
            renew.setString(2, lease.leaseId());
            return renew.executeUpdate() > 0;
        }
    }

    /** Every window the call does not fit, the refused one first, as they are now. */
    private static List<Violation> violations(Connection connection, List<BudgetWindow> windows, BudgetWindow refused,
                                              long estimateNanos) throws SQLException {
        List<Violation> violations = new ArrayList<>(2);
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            violations.add(new Violation(refused, spend(read, refused)));
            for (BudgetWindow window : windows) {
                if (window != refused) {
                    Spend spend = spend(read, window);
                    if (!window.budget().fits(spend.total(), estimateNanos)) {
                        violations.add(new Violation(window, spend));
                    }
                }
            }
        }
        return violations;
    }

    /**
     * Replaces a reservation with the call's actual cost (0 for a failed call: the reservation is released) and
     * deletes its lease, in one transaction, and returns the alert thresholds the new spend crossed. Each crossing is
     * seen by exactly one settlement, because the spend before and after it are read under the row lock. A lease that
     * is gone (expired and released meanwhile) has nothing left to release: the cost is added to the spend alone.
     */
    public List<Crossing> settle(Reservation reservation, long actualNanos) throws SQLException {
        List<BudgetWindow> ordered = ordered(reservation.windows());
        return database.inTransaction(connection -> {
            List<Crossing> crossings = new ArrayList<>(0);
            boolean held;
            try (PreparedStatement drop = connection.prepareStatement(DROP_LEASE)) {
                drop.setString(1, reservation.leaseId());
                held = drop.executeUpdate() > 0;
            }
            try (PreparedStatement settle = connection.prepareStatement(SETTLE);
                 PreparedStatement lock = connection.prepareStatement(LOCK)) {
                for (BudgetWindow window : ordered) {
                    settle.setLong(1, held ? reservation.estimateNanos() : 0);
                    settle.setLong(2, actualNanos);
                    bind(settle, 3, window);
                    settle.executeUpdate();
                    if (actualNanos > 0) {
                        long after = spend(lock, window).spentNanos();
                        long before = after - actualNanos;
                        long limit = window.budget().limitNanos();
                        for (int threshold : window.budget().thresholds()) {
                            // crossed = before below the threshold's share of the limit, after at or above it
                            if (before * 100 < threshold * limit && after * 100 >= threshold * limit) {
                                crossings.add(new Crossing(window, threshold, after));
                            }
                        }
                    }
                }
            }
            return crossings;
        });
    }

    /** Keeps a settlement that could not reach the database for {@link #maintain} to retry. */
    public void settleLater(Reservation reservation, long actualNanos) {
        unsettled.add(new Unsettled(reservation, actualNanos));
    }

    /**
     * The timer's step (route {@code budget-leases}): retries settlements the database missed, releases the leases
     * this instance left when it last stopped (until that has worked once) and every expired lease.
     */
    public void maintain() {
        try {
            for (Unsettled next = unsettled.peek(); next != null; next = unsettled.peek()) {
                settle(next.reservation(), next.actualNanos());
                unsettled.poll();
            }
            if (!reconciled) {
                reconcileOwned();
            }
            releaseExpired();
        } catch (SQLException e) {
            LOG.warn("Budget leases not maintained this time ({} settlements waiting): {}", unsettled.size(),
                    e.getMessage());
        }
    }

    /**
     * Releases every lease this instance owns: at start, the leases of calls its previous run never settled (their
     * cost is what their ledger rows show, else 0). Returns how many.
     */
    public int reconcileOwned() throws SQLException {
        List<String> leases = leaseIds(OWNED, owner);
        int released = 0;
        for (String lease : leases) {
            if (!lease.startsWith(runPrefix)) {
                released += release(lease, null) ? 1 : 0;
            }
        }
        reconciled = true;
        if (released > 0) {
            LOG.warn("Released {} budget lease(s) of instance {} left by its previous run (calls it never finished)",
                    released, owner);
        }
        return released;
    }

    /** Releases every lease whose expiry has passed, whoever owns it; returns how many. */
    public int releaseExpired() throws SQLException {
        long now = clock.millis();
        int released = 0;
        for (String lease : leaseIds(EXPIRED, now)) {
            released += release(lease, now) ? 1 : 0;
        }
        if (released > 0) {
            LOG.warn("Released {} expired budget lease(s) (their calls never settled, e.g. their instance died)",
                    released);
        }
        return released;
    }

    /** Leases in the database, for tests and the usage report. */
    public long leases() throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(LEASES);
             ResultSet result = query.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private List<String> leaseIds(String sql, Object parameter) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Releases one lease in one transaction: deletes it (only if still expired when {@code expiredBefore} is set, so a
     * renewal or a settlement that came first wins) and takes its estimate out of its windows, adding the cost its
     * call's ledger row shows, if there is one.
     */
    private boolean release(String leaseId, Long expiredBefore) throws SQLException {
        return database.inTransaction(connection -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(LEASE_ROWS)) {
                read.setString(1, leaseId);
                try (ResultSet result = read.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Object[] {result.getString(1), result.getString(2), result.getString(3),
                                result.getLong(4)});
                    }
                }
            }
            int deleted;
            try (PreparedStatement drop = connection.prepareStatement(expiredBefore == null ? DROP_LEASE
                    : DROP_EXPIRED_LEASE)) {
                drop.setString(1, leaseId);
                if (expiredBefore != null) {
                    drop.setLong(2, expiredBefore);
                }
                deleted = drop.executeUpdate();
            }
            if (deleted == 0 || deleted != rows.size()) {
                connection.rollback();
                return false;
            }
            long actual = 0;
            try (PreparedStatement cost = connection.prepareStatement(LEDGERED_COST)) {
                cost.setString(1, leaseId);
                try (ResultSet result = cost.executeQuery()) {
                    actual = result.next() ? Math.max(0, result.getLong(1)) : 0;
                }
            }
            try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
                for (Object[] row : rows) {
                    settle.setLong(1, (Long) row[3]);
                    settle.setLong(2, actual);
                    settle.setString(3, (String) row[0]);
                    settle.setString(4, (String) row[1]);
                    settle.setString(5, (String) row[2]);
                    settle.executeUpdate();
                }
            }
            return true;
        });
    }

    /** A window's current spend without locking it (for choosing a downgrade and for reports). */
    public Spend read(BudgetWindow window) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement read = connection.prepareStatement(READ)) {
            return spend(read, window);
        }
    }

    /** Every stored window of one period. */
    public List<StoredWindow> period(String periodKey) throws SQLException {
        List<StoredWindow> rows = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(PERIOD)) {
            query.setString(1, periodKey);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new StoredWindow(result.getString(1), result.getString(2),
                            new Spend(result.getLong(3), result.getLong(4))));
                }
            }
        }
        return rows;
    }

    private void ensure(List<BudgetWindow> windows) throws SQLException {
        for (BudgetWindow window : windows) {
            if (existing.contains(window.id())) {
                continue;
            }
            try (Connection connection = database.connection();
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, 1, window);
                insert.executeUpdate();
            } catch (SQLException e) {
                // 23xxx: integrity constraint violation, i.e. the row exists (made by another request or instance)
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
            existing.add(window.id());
        }
    }

    private static Spend spend(PreparedStatement statement, BudgetWindow window) throws SQLException {
        bind(statement, 1, window);
        try (ResultSet result = statement.executeQuery()) {
            return result.next() ? new Spend(result.getLong(1), result.getLong(2)) : new Spend(0, 0);
        }
    }

    private static void bind(PreparedStatement statement, int from, BudgetWindow window) throws SQLException {
        statement.setString(from, window.budget().name());
        statement.setString(from + 1, window.subject());
        statement.setString(from + 2, window.periodKey());
    }

    private static List<BudgetWindow> ordered(List<BudgetWindow> windows) {
        if (windows.size() < 2) {
            return windows;
        }
        List<BudgetWindow> ordered = new ArrayList<>(windows);
        ordered.sort(Comparator.comparing(BudgetWindow::id));
        return ordered;
    }
}
