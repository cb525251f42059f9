package dev.quorum.budget;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL database behind the usage ledger and the budget windows: an embedded H2 file under the data folder by
 * default (optionally in AUTO_SERVER mode, so a second Quorum on the same machine shares it), or any JDBC URL
 * (an H2 server or PostgreSQL for several instances). Connections come from a small pool; the schema is created and migrated at start with plain,
 * portable SQL (no vendor types, no vendor upserts).
 */
public final class UsageDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageDatabase.class);

    static {
        // H2 looks every value it is given up in a cache of recent values to share equal ones, which for the ledger's
        // fresh request ids and timestamps is a hash and a miss per column (half a percent of a request's CPU). Read
        // once, when H2 first loads, so set before; -Dh2.objectCache=true still turns it back on.
        System.getProperties().putIfAbsent("h2.objectCache", "false");
    }

    /** Schema versions in order; a database at version n gets migrations n+1.. applied at start. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE usage_ledger ("
                            + "at_ms BIGINT NOT NULL, request_id VARCHAR(200), tenant VARCHAR(200) NOT NULL, "
                            + "provider VARCHAR(100) NOT NULL, model VARCHAR(200), task VARCHAR(50), "
                            + "input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, "
                            + "cached_tokens INTEGER NOT NULL, reasoning_tokens INTEGER NOT NULL, "
                            + "cost_nanos BIGINT NOT NULL, latency_ms BIGINT NOT NULL, outcome VARCHAR(50) NOT NULL)",
                    "CREATE INDEX usage_ledger_at ON usage_ledger (at_ms)",
                    "CREATE TABLE budget_window ("
                            + "budget VARCHAR(100) NOT NULL, subject VARCHAR(200) NOT NULL, "
                            + "period_key VARCHAR(10) NOT NULL, spent_nanos BIGINT NOT NULL, "
                            + "reserved_nanos BIGINT NOT NULL, PRIMARY KEY (budget, subject, period_key))"),
            List.of("CREATE TABLE rate_window ("
                    + "provider VARCHAR(100) NOT NULL, window_start BIGINT NOT NULL, calls INTEGER NOT NULL, "
                    + "PRIMARY KEY (provider, window_start))"),
            // 3: budget reservations as leases (owner, expiry), and a call id per ledger row (journal replay)
            List.of("CREATE TABLE budget_lease ("
                            + "lease_id VARCHAR(100) NOT NULL, budget VARCHAR(100) NOT NULL, "
                            + "subject VARCHAR(200) NOT NULL, period_key VARCHAR(10) NOT NULL, "
                            + "owner VARCHAR(100) NOT NULL, estimate_nanos BIGINT NOT NULL, "
                            + "expires_at_ms BIGINT NOT NULL, PRIMARY KEY (lease_id, budget, subject, period_key))",
                    "CREATE INDEX budget_lease_expires ON budget_lease (expires_at_ms)",
                    "CREATE INDEX budget_lease_owner ON budget_lease (owner)",
                    "ALTER TABLE usage_ledger ADD COLUMN call_id VARCHAR(100)",
                    "CREATE UNIQUE INDEX usage_ledger_call ON usage_ledger (call_id)"));

    private final HikariDataSource dataSource;
    private final String description;

    private UsageDatabase(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * Opens the database: {@code jdbcUrl} when set, else an H2 file {@code quorum-usage} in {@code dataDir}.
     */
    public static UsageDatabase open(String jdbcUrl, String user, String password, Path dataDir, int poolSize,
                                     boolean autoServer) throws Exception {
        return open(jdbcUrl, user, password, dataDir, poolSize, autoServer, 5_000);
    }

    /**
     * As above; a connection that cannot be had within {@code connectionTimeoutMillis} fails (a budget check then
     * refuses the call with 503 instead of holding the request thread for the pool's default 30 s).
     */
    public static UsageDatabase open(String jdbcUrl, String user, String password, Path dataDir, int poolSize,
                                     boolean autoServer, long connectionTimeoutMillis) throws Exception {
        String url = jdbcUrl;
        String description;
        if (url == null || url.isBlank()) {
            Files.createDirectories(dataDir);
            // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close the database before the ledger writer
            // has flushed (Camel's shutdown closes it). H2 refuses that together with AUTO_SERVER (a second process
            // on the same file connecting to the first over TCP), so sharing the file is a choice with its trade-off.
            // WRITE_DELAY=0: H2 writes each commit to the file at once. By default it writes commits in the background
            // about once a second, so a kill -9 lost the last second of committed ledger rows and budget spend
            // (measured: ~7,000 committed rows of 29,000). The operating system keeps what was written, fsync or not.
            url = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("quorum-usage")
                    + (autoServer ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
            description = "H2 file " + dataDir.toAbsolutePath().normalize().resolve("quorum-usage.mv.db");
        } else {
            // the URL may carry credentials in its query: name only the part before it
            int query = url.indexOf('?');
            description = query < 0 ? url : url.substring(0, query);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("quorum-usage");
        config.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, connectionTimeoutMillis));
        config.setAutoCommit(true);
        UsageDatabase database = new UsageDatabase(new HikariDataSource(config), description);
        database.migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Where the data lives, without credentials. */
    public String description() {
        return description;
    }

    private void migrate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int version = version(connection);
            for (int next = version + 1; next <= MIGRATIONS.size(); next++) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(next - 1)) {
                        statement.execute(sql);
                    }
                    statement.executeUpdate("UPDATE quorum_schema SET version = " + next);
                    connection.commit();
                    LOG.info("Usage database migrated to schema version {}", next);
                } catch (SQLException e) {
                    connection.rollback();
                    if (version(connection) >= next) {
                        continue; // another instance migrated it at the same time
                    }
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    private static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM quorum_schema")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException missing) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE quorum_schema (version INTEGER NOT NULL)");
                statement.executeUpdate("INSERT INTO quorum_schema (version) VALUES (0)");
            } catch (SQLException raced) {
                // created by another instance in the meantime
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version FROM quorum_schema")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
