package dev.quorum.budget;

/** {@link TwoInstancesTest} on an H2 server. */
class TwoInstancesH2Test extends TwoInstancesTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
