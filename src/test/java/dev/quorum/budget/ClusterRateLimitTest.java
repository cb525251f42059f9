package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumInstance;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A provider's rate limit held by two Quorum instances together: they share the usage database, where every call
 * takes a slot of the provider's rate window, so no more calls than the limit are let through per window, however
 * the requests are spread over the instances. Each instance has its own simulator; their call records are merged. On
 * an H2 server and on PostgreSQL, by the two subclasses.
 */
abstract class ClusterRateLimitTest extends QuorumTestSupport {

    private static final int RATE = 3;
    private static final long WINDOW_MS = 1500;

    private final ExecutorService clients = Executors.newFixedThreadPool(18);
    private final TestDatabase database = TestDatabase.create(backend(), "shared_rate");

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = rateLimit();
        settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        return settings;
    }

    private static Map<String, String> rateLimit() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.ratelimit.window-ms", String.valueOf(WINDOW_MS));
        settings.put("quorum.ratelimit.gemini-sim.requests-per-minute", String.valueOf(RATE));
        return settings;
    }

    @AfterAll
    void stopAll() {
        clients.shutdownNow();
        database.close();
    }

    @Test
    void should_hold_one_rate_across_two_instances_sharing_the_database() throws Exception {
        // given: a second Quorum on the same database with the same limit: 3 calls to gemini-sim per 1.5 s window
        Map<String, String> second = rateLimit();
        second.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        try (QuorumInstance other = QuorumInstance.start(second)) {
            String body = request(Map.of("prompt", "Count me in the shared rate", "provider", "gemini-sim"));

            // when: eighteen requests at once, nine to each instance (each instance alone would let 3 per window
            // through)
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> post("/api/v1/complete", body), clients));
                calls.add(CompletableFuture.supplyAsync(() -> other.post("/api/v1/complete", body), clients));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            // then: every request answered, and the eighteen calls spread over six rate windows of the cluster, so
            // the last reached a provider at least four windows after the first, less the few milliseconds between
            // taking a slot and the call arriving. Two instances each counting alone would have let all eighteen
            // through in three windows, less than three windows apart. Half a window on either side tells them apart.
            assertThat(statuses).hasSize(18).containsOnly(200);
            List<Instant> arrivals = Stream.concat(simulator().calls("gemini-sim").stream(),
                    other.simulator().calls("gemini-sim").stream()).map(SimCall::at).sorted().toList();
            assertThat(arrivals).hasSize(18);
            assertThat(Duration.between(arrivals.get(0), arrivals.get(17)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(7 * WINDOW_MS / 2));
        }
    }
}
