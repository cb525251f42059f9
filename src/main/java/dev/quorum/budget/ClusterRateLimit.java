package dev.quorum.budget;

import dev.quorum.camel.BudgetConstants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's request rate held across every Quorum instance that shares the usage database: each call takes a slot
 * of the provider's current rate window (windows start at multiples of the window length, by the instances' clocks)
 * with one conditional {@code UPDATE ... WHERE calls < limit}, so two instances together never pass the limit.
 * The route's {@code throttle} EIP holds the same rate inside one instance without a database round trip; this
 * holds it for the cluster. A call finding its window full waits for the next one ({@link #acquire} sets the wait).
 */
public final class ClusterRateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRateLimit.class);
    private static final String TAKE = "UPDATE rate_window SET calls = calls + 1 "
            + "WHERE provider = ? AND window_start = ? AND calls < ?";
    private static final String OPEN = "INSERT INTO rate_window (provider, window_start, calls) VALUES (?, ?, 1)";
    private static final String FORGET = "DELETE FROM rate_window WHERE provider = ? AND window_start < ?";

    private final UsageDatabase database;
    private final Clock clock;

    public ClusterRateLimit(UsageDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Route step before a rate-limited provider call: takes a slot of the provider's current window and sets the
     * variable {@value BudgetConstants#VAR_RATE_WAIT_MS} to 0, or, when the window is full, to the milliseconds until
     * the next window opens (the route delays and asks again).
     */
    public void acquire(Exchange exchange, String provider, int limit, long windowMs) {
        exchange.setVariable(BudgetConstants.VAR_RATE_WAIT_MS, waitMillis(provider, limit, windowMs));
    }

    /** 0 when a slot of the current window was taken, else how long until the next window starts. */
    long waitMillis(String provider, int limit, long windowMs) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, windowMs);
        try (Connection connection = database.connection()) {
            if (take(connection, provider, windowStart, limit) || open(connection, provider, windowStart, windowMs, limit)
                    || take(connection, provider, windowStart, limit)) {
                return 0;
            }
        } catch (SQLException e) {
            // the shared count is unavailable: the instance's own throttle still holds the rate here
            LOG.warn("Rate window of provider {} not shared across instances for this call: {}", provider, e.getMessage());
            return 0;
        }
        return Math.max(1, windowStart + windowMs - now);
    }

    private static boolean take(Connection connection, String provider, long windowStart, int limit) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, provider);
            take.setLong(2, windowStart);
            take.setInt(3, limit);
            return take.executeUpdate() == 1;
        }
    }

    /** The first call of a window creates its row; false when another call (or instance) created it first. */
    private static boolean open(Connection connection, String provider, long windowStart, long windowMs, int limit) {
        if (limit < 1) {
            return false;
        }
        try (PreparedStatement open = connection.prepareStatement(OPEN);
             PreparedStatement forget = connection.prepareStatement(FORGET)) {
            open.setString(1, provider);
            open.setLong(2, windowStart);
            open.executeUpdate();
            forget.setString(1, provider);
            forget.setLong(2, windowStart - windowMs);
            forget.executeUpdate();
            return true;
        } catch (SQLException exists) {
            return false;
        }
    }
}
