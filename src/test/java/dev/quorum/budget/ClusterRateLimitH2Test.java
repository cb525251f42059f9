package dev.quorum.budget;

/** {@link ClusterRateLimitTest} on an H2 server. */
class ClusterRateLimitH2Test extends ClusterRateLimitTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }
}
