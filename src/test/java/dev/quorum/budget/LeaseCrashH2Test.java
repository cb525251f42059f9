package dev.quorum.budget;

/** {@link LeaseCrashTest} on the embedded H2 file. */
class LeaseCrashH2Test extends LeaseCrashTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
