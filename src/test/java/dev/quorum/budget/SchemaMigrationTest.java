package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usage database's schema comes from Flyway's versioned, checksummed scripts in {@code db/migration}, the same on
 * every backend: a new database gets every version; a database that Quorum made before Flyway (its version in the
 * table {@code quorum_schema}, made here by the old code's SQL) is baselined at that version and migrated on from it,
 * keeping its rows; instances starting at once migrate it once; a changed script is refused. Run on H2 and PostgreSQL
 * by the two subclasses.
 */
abstract class SchemaMigrationTest {

    /** The versions before Flyway, as the old code's hand-written list created them. */
    private static final List<List<String>> OLD_VERSIONS = List.of(
            List.of("CREATE TABLE usage_ledger (at_ms BIGINT NOT NULL, request_id VARCHAR(200), "
                            + "tenant VARCHAR(200) NOT NULL, provider VARCHAR(100) NOT NULL, model VARCHAR(200), "
                            + "task VARCHAR(50), input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, "
                            + "cached_tokens INTEGER NOT NULL, reasoning_tokens INTEGER NOT NULL, "
                            + "cost_nanos BIGINT NOT NULL, latency_ms BIGINT NOT NULL, outcome VARCHAR(50) NOT NULL)",
                    "CREATE INDEX usage_ledger_at ON usage_ledger (at_ms)",
                    "CREATE TABLE budget_window (budget VARCHAR(100) NOT NULL, subject VARCHAR(200) NOT NULL, "
                            + "period_key VARCHAR(10) NOT NULL, spent_nanos BIGINT NOT NULL, "
                            + "reserved_nanos BIGINT NOT NULL, PRIMARY KEY (budget, subject, period_key))"),
            List.of("CREATE TABLE rate_window (provider VARCHAR(100) NOT NULL, window_start BIGINT NOT NULL, "
                    + "calls INTEGER NOT NULL, PRIMARY KEY (provider, window_start))"),
            List.of("CREATE TABLE budget_lease (lease_id VARCHAR(100) NOT NULL, budget VARCHAR(100) NOT NULL, "
                            + "subject VARCHAR(200) NOT NULL, period_key VARCHAR(10) NOT NULL, "
                            + "owner VARCHAR(100) NOT NULL, estimate_nanos BIGINT NOT NULL, "
                            + "expires_at_ms BIGINT NOT NULL, PRIMARY KEY (lease_id, budget, subject, period_key))",
                    "CREATE INDEX budget_lease_expires ON budget_lease (expires_at_ms)",
                    "CREATE INDEX budget_lease_owner ON budget_lease (owner)",
                    "ALTER TABLE usage_ledger ADD COLUMN call_id VARCHAR(100)",
                    "CREATE UNIQUE INDEX usage_ledger_call ON usage_ledger (call_id)"));
    private static final int NEWEST = 5;
    private static final Budget FIVE = new Budget("five", Budget.Scope.GLOBAL, null, Period.DAY, 5_000,
            Budget.Policy.REJECT, List.of());

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Test
    void should_create_every_version_in_a_new_database_and_record_each_with_its_checksum() throws Exception {
        // given
        try (TestDatabase server = TestDatabase.create(backend(), "new")) {

            // when
            try (UsageDatabase database = open(server.jdbcUrl(), null)) {

                // then: versions 1..5 applied by Flyway, each with a checksum, and the tables usable
                assertThat(history(database)).containsExactly("1 SQL ok", "2 SQL ok", "3 SQL ok", "4 SQL ok", "5 SQL ok");
                assertThat(checksums(database)).hasSize(NEWEST).doesNotContainNull();
                BudgetStore store = BudgetStoreTest.store(database, "new");
                BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
                assertThat(store.reserve(BudgetStoreTest.lease("new-1", 1_000, window))).isEmpty();
                assertThat(store.read(window)).isEqualTo(new BudgetStore.Spend(0, 1_000));
            }
        }
    }

    @ParameterizedTest(name = "made at version {0}")
    @ValueSource(ints = {1, 2, 3})
    void should_baseline_a_database_made_before_flyway_at_its_version_and_migrate_on_keeping_its_rows(int version)
            throws Exception {
        // given: a database as the code before Flyway left it at `version`, with a ledger row and a spent window
        Legacy legacy = legacy(version);

        try {
            // when
            try (UsageDatabase database = legacy.open()) {

                // then: baselined at its version, the later ones applied, the old rows there (without a call id)
                List<String> expected = new ArrayList<>();
                expected.add(version + " BASELINE ok");
                for (int next = version + 1; next <= NEWEST; next++) {
                    expected.add(next + " SQL ok");
                }
                assertThat(history(database)).containsExactlyElementsOf(expected);
                try (Connection connection = database.connection();
                     Statement sql = connection.createStatement();
                     ResultSet old = sql.executeQuery("SELECT request_id, cost_nanos, call_id FROM usage_ledger")) {
                    assertThat(old.next()).isTrue();
                    assertThat(old.getString(1)).isEqualTo("old");
                    assertThat(old.getLong(2)).isEqualTo(300);
                    assertThat(old.getString(3)).isNull();
                    assertThat(old.next()).isFalse();
                }
                BudgetStore store = BudgetStoreTest.store(database, "after");
                BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
                assertThat(store.read(window)).isEqualTo(new BudgetStore.Spend(300, 0));
                assertThat(store.reserve(BudgetStoreTest.lease("after-1", 1_000, window))).isEmpty();
                assertThat(store.leases()).isEqualTo(1);
            }

            // and: opened again, nothing more is applied
            try (UsageDatabase again = legacy.open()) {
                assertThat(history(again)).hasSize(NEWEST - version + 1);
            }
        } finally {
            legacy.drop();
        }
    }

    @Test
    void should_migrate_a_new_database_once_when_four_instances_start_at_once() throws Exception {
        assertOneMigration(0);
    }

    @Test
    void should_migrate_a_database_made_before_flyway_once_when_four_instances_start_at_once() throws Exception {
        assertOneMigration(2);
    }

    private void assertOneMigration(int legacyVersion) throws Exception {
        // given: a shared database (new, or left at an old version by the code before Flyway)
        ExecutorService starts = Executors.newFixedThreadPool(4);
        try (TestDatabase server = TestDatabase.create(backend(), "race")) {
            if (legacyVersion > 0) {
                try (Connection connection = server.connect()) {
                    makeOld(connection, legacyVersion);
                }
            }
            CountDownLatch go = new CountDownLatch(1);

            // when: four instances open it at the same instant
            List<Future<UsageDatabase>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(starts.submit(() -> {
                    go.await();
                    return open(server.jdbcUrl(), null);
                }));
            }
            go.countDown();
            List<UsageDatabase> databases = new ArrayList<>();
            try {
                for (Future<UsageDatabase> start : opened) {
                    databases.add(start.get());
                }

                // then: every start succeeded, and each version is recorded once
                assertThat(databases).hasSize(4);
                List<String> expected = new ArrayList<>();
                if (legacyVersion > 0) {
                    expected.add(legacyVersion + " BASELINE ok");
                }
                for (int next = legacyVersion + 1; next <= NEWEST; next++) {
                    expected.add(next + " SQL ok");
                }
                assertThat(history(databases.get(0))).containsExactlyElementsOf(expected);
            } finally {
                databases.forEach(UsageDatabase::close);
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void should_refuse_to_start_on_a_database_whose_applied_script_differs_from_the_shipped_one() throws Exception {
        // given: a database whose version 2 was applied from a script other than the one in the jar
        try (TestDatabase server = TestDatabase.create(backend(), "changed")) {
            try (UsageDatabase database = open(server.jdbcUrl(), null);
                 Connection connection = database.connection();
                 Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE " + quotedHistory() + " SET \"checksum\" = 12345 WHERE \"version\" = '2'");
            }

            // when / then: the start fails, naming the database and the version
            assertThatThrownBy(() -> open(server.jdbcUrl(), null).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("schema migration failed")
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("2");
        }
    }

    private static UsageDatabase open(String jdbcUrl, Path dataDir) throws Exception {
        return UsageDatabase.open(jdbcUrl, null, null, dataDir == null ? Path.of("unused") : dataDir, 2, false);
    }

    /**
     * "version type ok|failed" of each version in Flyway's history, in order (without the row Flyway on H2 adds for
     * creating the history table itself, which has no version).
     */
    private static List<String> history(UsageDatabase database) throws SQLException {
        return database.query("SELECT \"version\", \"type\", \"success\" FROM " + quotedHistory()
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                row -> row.getString(1) + " " + row.getString(2) + " " + (row.getBoolean(3) ? "ok" : "failed"));
    }

    private static List<Integer> checksums(UsageDatabase database) throws SQLException {
        return database.query("SELECT \"checksum\" FROM " + quotedHistory()
                + " WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"", row -> (Integer) row.getObject(1));
    }

    private static String quotedHistory() {
        return "\"" + UsageDatabase.HISTORY + "\"";
    }

    /** The old code's schema up to {@code version}, its version row, one ledger row and one spent window. */
    private static void makeOld(Connection connection, int version) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (int v = 1; v <= version; v++) {
                for (String statement : OLD_VERSIONS.get(v - 1)) {
                    sql.execute(statement);
                }
            }
            sql.execute("CREATE TABLE quorum_schema (version INTEGER NOT NULL)");
            sql.execute("INSERT INTO quorum_schema (version) VALUES (" + version + ")");
            sql.execute("INSERT INTO usage_ledger (at_ms, request_id, tenant, provider, model, task, input_tokens, "
                    + "output_tokens, cached_tokens, reasoning_tokens, cost_nanos, latency_ms, outcome) "
                    + "VALUES (5, 'old', 'acme', 'p', 'm', 't', 1, 2, 0, 0, 300, 9, 'ok')");
            sql.execute("INSERT INTO budget_window VALUES ('five', '*', '2026-11-23', 300, 0)");
        }
    }

    /**
     * An old database: on H2 the embedded file in a data folder, as a single Quorum has it by default (opened with no
     * JDBC URL); on PostgreSQL a database of its own.
     */
    private Legacy legacy(int version) throws Exception {
        if (backend() == TestDatabase.Backend.H2) {
            Path dir = Path.of(BudgetGateTest.tempDir());
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                    + dir.resolve("quorum-usage").toAbsolutePath())) {
                makeOld(connection, version);
            }
            return new Legacy(null, dir);
        }
        TestDatabase server = TestDatabase.create(backend(), "legacy");
        try (Connection connection = server.connect()) {
            makeOld(connection, version);
        }
        return new Legacy(server, null);
    }

    private record Legacy(TestDatabase server, Path dataDir) {
        UsageDatabase open() throws Exception {
            return SchemaMigrationTest.open(server == null ? null : server.jdbcUrl(), dataDir);
        }

        void drop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
