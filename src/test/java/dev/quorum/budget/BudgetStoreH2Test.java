package dev.quorum.budget;

/** {@link BudgetStoreTest} on H2 in server mode. */
class BudgetStoreH2Test extends BudgetStoreTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
