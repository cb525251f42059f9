package dev.quorum.trigger;

import dev.quorum.budget.TestDatabase;

/** {@link ScaleOutTest} on PostgreSQL (skipped without QUORUM_TEST_POSTGRES_URL, failed under CI). */
class ScaleOutPostgresTest extends ScaleOutTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
