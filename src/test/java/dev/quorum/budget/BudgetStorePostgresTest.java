package dev.quorum.budget;

/** {@link BudgetStoreTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class BudgetStorePostgresTest extends BudgetStoreTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
