package dev.quorum.budget;

/** {@link LedgerOutageTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class LedgerOutagePostgresTest extends LedgerOutageTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
