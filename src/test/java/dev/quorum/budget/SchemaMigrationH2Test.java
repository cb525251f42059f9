package dev.quorum.budget;

/** {@link SchemaMigrationTest} on H2: an embedded file made by the old code, and H2 in server mode for the races. */
class SchemaMigrationH2Test extends SchemaMigrationTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
