package dev.quorum.budget;

/** {@link ClusterRateLimitTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class ClusterRateLimitPostgresTest extends ClusterRateLimitTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
