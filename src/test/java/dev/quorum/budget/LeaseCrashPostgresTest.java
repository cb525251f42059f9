package dev.quorum.budget;

/** {@link LeaseCrashTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class LeaseCrashPostgresTest extends LeaseCrashTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
