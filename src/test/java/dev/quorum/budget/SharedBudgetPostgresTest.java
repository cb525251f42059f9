package dev.quorum.budget;

/** {@link SharedBudgetTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class SharedBudgetPostgresTest extends SharedBudgetTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
