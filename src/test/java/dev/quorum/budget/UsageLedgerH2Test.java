package dev.quorum.budget;

/** {@link UsageLedgerTest} on the default embedded H2 file. */
class UsageLedgerH2Test extends UsageLedgerTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
