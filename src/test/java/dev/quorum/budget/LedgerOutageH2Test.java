package dev.quorum.budget;

/** {@link LedgerOutageTest} on an H2 server. */
class LedgerOutageH2Test extends LedgerOutageTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
