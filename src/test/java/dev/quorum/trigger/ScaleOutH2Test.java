package dev.quorum.trigger;

import dev.quorum.budget.TestDatabase;

/** {@link ScaleOutTest} on an H2 server. */
class ScaleOutH2Test extends ScaleOutTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
