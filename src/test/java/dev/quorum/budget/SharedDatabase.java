package dev.quorum.budget;

import dev.quorum.QuorumTestSupport;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * An H2 database in server mode in a temp folder, which several Quorum instances of one test share over TCP the way
 * a cluster shares PostgreSQL.
 */
final class SharedDatabase implements AutoCloseable {

    private final Server server;
    private final String jdbcUrl;

    private SharedDatabase(Server server, String name) {
        this.server = server;
        this.jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + name + ";LOCK_TIMEOUT=10000";
    }

    static SharedDatabase start(String name) {
        try {
            return new SharedDatabase(Server.createTcpServer("-tcpPort", String.valueOf(QuorumTestSupport.freePort()),
                    "-ifNotExists", "-baseDir", BudgetGateTest.tempDir()).start(), name);
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
