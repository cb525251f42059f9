package dev.quorum.budget;

/** {@link SchemaMigrationTest} on PostgreSQL (skipped without {@value TestDatabase#POSTGRES_URL}, failed under CI). */
class SchemaMigrationPostgresTest extends SchemaMigrationTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.POSTGRES;
    }
}
