package dev.quorum.budget;

import dev.quorum.QuorumTestSupport;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * An H2 database in server mode in a temp folder, which several Quorum instances of one test share over TCP the way
 * a cluster shares PostgreSQL.
 */
final class SharedDatabase implements AutoCloseable {

    private final int port;
    private final String baseDir;
    private final String jdbcUrl;
    private Server server;

    private SharedDatabase(int port, String baseDir, String name) {
        this.port = port;
        this.baseDir = baseDir;
        this.jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + name + ";LOCK_TIMEOUT=10000";
    }

    static SharedDatabase start(String name) {
        SharedDatabase database = new SharedDatabase(QuorumTestSupport.freePort(), BudgetGateTest.tempDir(), name);
        database.restart();
        return database;
    }

    /** Stops the server: every connection to it breaks and new ones are refused (an outage). */
    void stop() {
        server.stop();
    }

    /** Starts the server again on the same port and files (the outage ends). */
    void restart() {
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", baseDir)
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the shared H2 server: " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        server.stop();
    }
}
