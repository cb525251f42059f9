package dev.quorum.budget;

/** {@link SharedBudgetTest} on an H2 server. */
class SharedBudgetH2Test extends SharedBudgetTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
