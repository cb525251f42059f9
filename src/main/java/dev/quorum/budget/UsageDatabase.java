package dev.quorum.budget;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL database behind the usage ledger and the budget windows: an embedded H2 file under the data folder by
 * default (optionally in AUTO_SERVER mode, so a second Quorum on the same machine shares it), or any JDBC URL
 * (an H2 server or PostgreSQL for several instances). Connections come from a small pool; the schema is created and
 * migrated at start by Flyway from the versioned SQL scripts in {@code db/migration}, plain portable SQL (no vendor
 * types, no vendor upserts) that H2 and PostgreSQL both run.
 */
public final class UsageDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageDatabase.class);

    static {
        // H2 looks every value it is given up in a cache of recent values to share equal ones, which for the ledger's
        // fresh request ids and timestamps is a hash and a miss per column (docs/benchmarks.md, item 24). Read
        // once, when H2 first loads, so set before; -Dh2.objectCache=true still turns it back on.
        System.getProperties().putIfAbsent("h2.objectCache", "false");
    }

    /**
     * Where the schema's versions are: {@code V<n>__<what>.sql}, applied in order by Flyway and recorded with their
     * checksums in {@value #HISTORY}; the same scripts for H2 and PostgreSQL.
     */
    static final String MIGRATIONS = "classpath:db/migration";
    /** How long a statement waits for a row lock by default (quorum.ledger.lock-timeout-ms). */
    static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 10_000;
    /** How long a starting instance waits for another one's migration of a database made before Flyway (H2). */
    private static final long MIGRATION_WAIT_MS = 120_000;
    /** PostgreSQL ends a session idle inside a transaction this long, releasing its row locks. */
    static final long IDLE_IN_TRANSACTION_MS = 60_000;
    /** Flyway's record of the applied versions. */
    static final String HISTORY = "flyway_schema_history";
    /**
     * Where Quorum before Flyway kept its schema version (one row, one column): read at each start to baseline such a
     * database, its row locked while the start migrates.
     */
    private static final String LEGACY_VERSION = "SELECT version FROM quorum_schema FOR UPDATE";

    /** The built-in H2 file's page cache, KiB ({@code quorum.ledger.h2-cache-kb}). */
    public static final int DEFAULT_H2_CACHE_KB = 4096;

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
        return open(jdbcUrl, user, password, dataDir, poolSize, autoServer, connectionTimeoutMillis,
                DEFAULT_LOCK_TIMEOUT_MILLIS);
    }

    /**
     * As above; a statement waiting longer than {@code lockTimeoutMillis} for a row another connection (another
     * instance) holds fails instead of holding its request, on H2 ({@code SET LOCK_TIMEOUT}) and PostgreSQL
     * ({@code lock_timeout}). On PostgreSQL a session left idle inside a transaction for
     * {@value #IDLE_IN_TRANSACTION_MS} ms (its instance frozen, or cut off from the database with row locks held) is ended by the server, which
     * releases its locks: without it the budget windows it locked stay locked until TCP notices, hours later.
     */
    public static UsageDatabase open(String jdbcUrl, String user, String password, Path dataDir, int poolSize,
                                     boolean autoServer, long connectionTimeoutMillis, long lockTimeoutMillis)
            throws Exception {
        return open(jdbcUrl, user, password, dataDir, poolSize, autoServer, connectionTimeoutMillis, lockTimeoutMillis,
                DEFAULT_H2_CACHE_KB);
    }

    /**
     * As above; {@code h2CacheKb} is the page cache of the built-in H2 file in KiB (H2's {@code CACHE_SIZE}; H2's own
     * default is 16 MiB). The ledger mostly appends, so a small cache costs little, and every page it holds lives
     * long enough to reach the old generation: 4 MiB measured 7 MB less live heap and 12 MB less RSS under load at the
     * same CPU per request (docs/benchmarks.md, item 38). A {@code jdbcUrl} of the user's is taken as it is.
     */
    public static UsageDatabase open(String jdbcUrl, String user, String password, Path dataDir, int poolSize,
                                     boolean autoServer, long connectionTimeoutMillis, long lockTimeoutMillis,
                                     int h2CacheKb) throws Exception {
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
                    + (autoServer ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE") + ";WRITE_DELAY=0"
                    + ";CACHE_SIZE=" + Math.max(256, h2CacheKb);
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
        long lockTimeout = Math.max(1, lockTimeoutMillis);
        if (url.startsWith("jdbc:postgresql:")) {
            config.setConnectionInitSql("SELECT set_config('lock_timeout', '" + lockTimeout + "', false), "
                    + "set_config('idle_in_transaction_session_timeout', '" + IDLE_IN_TRANSACTION_MS + "', false)");
        } else if (url.startsWith("jdbc:h2:")) {
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + lockTimeout);
        }
        Properties credentials = new Properties();
        credentials.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            credentials.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            credentials.setProperty("password", config.getPassword());
        }
        UsageDatabase database = new UsageDatabase(new HikariDataSource(config), description);
        try {
            database.migrate(credentials);
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Maps one row of a query's result to a record, or to null to leave the row out. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own and commits what it did (work that rolls back
     * itself, on a refusal, commits nothing); any exception rolls it back and is rethrown.
     */
    public <T> T inTransaction(Transaction<T> work) throws SQLException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Runs {@code sql} on a connection of its own with {@code parameters} in order and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, long... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Connection connection = connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setLong(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    T row = mapper.map(result);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** Where the data lives, without credentials. */
    public String description() {
        return description;
    }

    /**
     * Brings the schema to the newest version with Flyway. A database made before Flyway (its version in
     * {@code quorum_schema}, no history table) is baselined at that version first, so only the versions after it run.
     * Instances starting at once do not both migrate: Flyway holds a lock while it migrates (an advisory lock on
     * PostgreSQL, a row lock on its history table on H2), and on a database made before Flyway every starting instance
     * first locks the row of {@code quorum_schema} until its migration is done: Flyway on H2 lets two instances
     * baseline at once, and the second then fails on the first's history table.
     */
    private void migrate(Properties credentials) throws SQLException {
        String url = dataSource.getJdbcUrl();
        try (Connection legacyLock = DriverManager.getConnection(url, credentials)) {
            if (url.startsWith("jdbc:h2:")) {
                // H2 gives up on a lock after 1 s by default: an instance starting while another migrates waits it out
                try (Statement statement = legacyLock.createStatement()) {
                    statement.execute("SET LOCK_TIMEOUT " + MIGRATION_WAIT_MS);
                }
            }
            legacyLock.setAutoCommit(false);
            Integer legacy = lockedLegacyVersion(legacyLock);
            try {
                FluentConfiguration configuration = Flyway.configure(UsageDatabase.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations(MIGRATIONS)
                        .table(HISTORY)
                        .failOnMissingLocations(true)
                        .validateMigrationNaming(true)
                        .loggers("slf4j");
                if (legacy != null) {
                    // used only while the history table is missing: Flyway records the baseline, then runs legacy+1..
                    configuration.baselineOnMigrate(true)
                            .baselineVersion(String.valueOf(legacy))
                            .baselineDescription("quorum_schema version " + legacy);
                }
                MigrateResult result = configuration.load().migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("Usage database migrated from schema version {} to {}{}",
                            result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                            result.targetSchemaVersion,
                            legacy == null ? "" : " (baselined at version " + legacy + " of quorum_schema)");
                }
            } catch (FlywayException e) {
                throw new SQLException("Usage database " + description + ": schema migration failed: " + e.getMessage(),
                        e);
            } finally {
                legacyLock.rollback();
            }
        }
    }

    /**
     * The version a database made before Flyway records in {@code quorum_schema}, its row locked until the
     * connection's transaction ends; null when the table is not there. The table is looked up in the catalogue first
     * rather than queried blind: H2 writes every failed statement to {@code <database>.trace.db} beside the database
     * file, so querying a table a new database does not have left a "Table QUORUM_SCHEMA not found" trace file after
     * every first start.
     */
    private static Integer lockedLegacyVersion(Connection connection) throws SQLException {
        if (!hasTable(connection, "quorum_schema")) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(LEGACY_VERSION)) {
            return rows.next() ? rows.getInt(1) : null;
        } catch (SQLException missing) {
            connection.rollback(); // PostgreSQL refuses every statement of a transaction after a failed one
            return null;
        }
    }

    /** Whether the connection's current schema has the table (H2 keeps names in upper case, PostgreSQL in lower). */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        String schema = connection.getSchema();
        java.sql.DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        for (String spelled : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            // '_' is a wildcard in a metadata pattern
            String pattern = escape == null ? spelled : spelled.replace("_", escape + "_");
            try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, pattern, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
