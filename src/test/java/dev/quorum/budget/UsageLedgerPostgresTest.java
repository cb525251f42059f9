package dev.quorum.budget;

/** {@link UsageLedgerTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class UsageLedgerPostgresTest extends UsageLedgerTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
