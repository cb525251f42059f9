package dev.quorum.budget;

/** {@link TwoInstancesTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class TwoInstancesPostgresTest extends TwoInstancesTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
