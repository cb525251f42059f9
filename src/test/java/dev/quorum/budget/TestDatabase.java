package dev.quorum.budget;

import dev.quorum.QuorumTestSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.h2.tools.Server;
import org.junit.jupiter.api.Assumptions;

/**
 * A new, empty database of one {@link Backend} that several connection pools (several Quorum instances) of one test
 * share over TCP, the way a cluster shares its database, dropped again by {@link #close}: an H2 database in server
 * mode in a temp folder, or a database of its own on the PostgreSQL server named by {@value #POSTGRES_URL}.
 *
 * <p>The PostgreSQL server is the one {@code .ci/run} starts ({@code .ci/postgres} prints its URL); the URL's user
 * must be allowed to create databases. Where the variable is not set, PostgreSQL tests are skipped with a message
 * saying how to run them, except under CI ({@code CI=true}), where they fail: a green CI run always ran them.
 */
public final class TestDatabase implements AutoCloseable {

    /** The environment variable (or system property) naming the PostgreSQL server's JDBC URL, with its user. */
    static final String POSTGRES_URL = "QUORUM_TEST_POSTGRES_URL";

    /** The databases a test can run on. */
    public enum Backend {
        H2, POSTGRES
    }

    /** How long a drop is tried again while another role's process (an autovacuum worker) is still connected. */
    private static final Duration DROP_WAIT = Duration.ofSeconds(5);
    private static final Duration DROP_POLL = Duration.ofMillis(250);

    private final Backend backend;
    private final String jdbcUrl;
    private final String adminUrl;
    private final String name;
    private final Server server;

    private TestDatabase(Backend backend, String jdbcUrl, String adminUrl, String name, Server server) {
        this.backend = backend;
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.name = name;
        this.server = server;
    }

    /** A new database on {@code backend}, its name starting with {@code prefix}. */
    public static TestDatabase create(Backend backend, String prefix) {
        String name = "q_" + prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        if (backend == Backend.H2) {
            try {
                Server server = Server.createTcpServer("-tcpPort", String.valueOf(QuorumTestSupport.freePort()),
                        "-ifNotExists", "-baseDir", BudgetGateTest.tempDir()).start();
                // no LOCK_TIMEOUT in the URL: Quorum sets its own on every connection
                return new TestDatabase(backend, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + name, null,
                        name, server);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not start an H2 server: " + e.getMessage(), e);
            }
        }
        String admin = postgresUrl();
        try (Connection connection = DriverManager.getConnection(admin);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name + " on " + withoutQuery(admin)
                    + " (" + POSTGRES_URL + "; .ci/postgres starts a server): " + e.getMessage(), e);
        }
        return new TestDatabase(backend, withDatabase(admin, name), admin, name, null);
    }

    /**
     * The PostgreSQL server's URL; a test without one is skipped (aborted) with a message, or fails under CI.
     */
    static String postgresUrl() {
        String url = System.getProperty(POSTGRES_URL, System.getenv(POSTGRES_URL));
        if (url == null || url.isBlank()) {
            String message = "PostgreSQL tests need a server: set " + POSTGRES_URL + " to its JDBC URL with a user "
                    + "that may create databases (as root, `export " + POSTGRES_URL + "=$(.ci/postgres)` starts "
                    + "Debian's PostgreSQL and prints one)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI must run them");
            }
            Assumptions.abort(message);
        }
        return url;
    }

    Backend backend() {
        return backend;
    }

    /** The URL every pool of the test connects with (no credentials in it for H2; PostgreSQL's carries the user). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection of the test's own, e.g. to look at rows or to make a database as older code left it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** Drops the database (PostgreSQL, closing any connection still open to it) or stops the H2 server. */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
            return;
        }
        // an autovacuum worker that has just started on the new database cannot be ended by the test's role ("must be
        // a member of the role whose process is being terminated"); it finishes in moments, so the drop is tried again
        try {
            Awaitility.await().atMost(DROP_WAIT).pollDelay(Duration.ZERO).pollInterval(DROP_POLL)
                    .ignoreExceptionsMatching(e -> String.valueOf(e.getMessage()).contains("must be a member of the role"))
                    .until(this::drop);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    private boolean drop() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            return true;
        }
    }


    /** {@code jdbc:postgresql://host:port/db?query} with another database. */
    private static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int path = url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?');
        String hostPart = path < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, path);
        return hostPart + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return backend + " " + name;
    }
}
