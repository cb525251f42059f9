package dev.quorum.budget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The budget windows in the database, changed only by short statements that lock the windows' rows (in one fixed
 * order): a reservation checks every window a call falls under and reserves its estimate in all of them or in none
 * (one conditional UPDATE per window), and a settlement replaces the reservation with the actual cost. Because the
 * check and the reservation are one statement on the locked row, concurrent requests and several Quorum instances
 * sharing the database cannot jointly pass a limit.
 */
public final class BudgetStore {

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

    private final UsageDatabase database;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    public BudgetStore(UsageDatabase database) {
        this.database = database;
    }

    /**
     * Reserves {@code estimateNanos} in every window, or in none: returns the windows the call would pass (empty when
     * the reservation was made). Each window is reserved by one conditional UPDATE whose WHERE clause is the boundary
     * rule of {@link Budget#fits}; the database evaluates it on the row it locks, so two concurrent reservations never
     * both see the old spend. Several windows are reserved in one transaction, in a fixed order.
     */
    public List<Violation> reserve(List<BudgetWindow> windows, long estimateNanos) throws SQLException {
        List<BudgetWindow> ordered = ordered(windows);
        ensure(ordered);
        boolean transaction = ordered.size() > 1;
        try (Connection connection = database.connection()) {
            if (transaction) {
                connection.setAutoCommit(false);
            }
            try {
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
                    if (transaction) {
                        connection.commit();
                    }
                    return List.of();
                }
                if (transaction) {
                    connection.rollback();
                }
                return violations(connection, ordered, refused, estimateNanos);
            } catch (SQLException | RuntimeException e) {
                if (transaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (transaction) {
                    connection.setAutoCommit(true);
                }
            }
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
     * returns the alert thresholds the new spend crossed. Each crossing is seen by exactly one settlement, because the
     * spend before and after it are read under the row lock.
     */
    public List<Crossing> settle(Reservation reservation, long actualNanos) throws SQLException {
        List<BudgetWindow> ordered = ordered(reservation.windows());
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                List<Crossing> crossings = new ArrayList<>(0);
                try (PreparedStatement settle = connection.prepareStatement(SETTLE);
                     PreparedStatement lock = connection.prepareStatement(LOCK)) {
                    for (BudgetWindow window : ordered) {
                        settle.setLong(1, reservation.estimateNanos());
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
                connection.commit();
                return crossings;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
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
