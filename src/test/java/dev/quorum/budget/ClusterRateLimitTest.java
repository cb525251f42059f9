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
 * the requests are spread over the instances. Each instance has its own simulator; their call records are merged.
 */
class ClusterRateLimitTest extends QuorumTestSupport {

    private static final int RATE = 3;
    private static final long WINDOW_MS = 1500;

    private final ExecutorService clients = Executors.newFixedThreadPool(12);
    private final SharedDatabase database = SharedDatabase.start("shared-rate");

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

            // when: twelve requests at once, six to each instance (each instance alone would let 3 per window through)
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> post("/api/v1/complete", body), clients));
                calls.add(CompletableFuture.supplyAsync(() -> other.post("/api/v1/complete", body), clients));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            // then: every request answered, and the twelve calls spread over four rate windows of the cluster: the
            // last one cannot have reached a provider before the fourth window began, at least two full windows
            // after the first call (two instances each counting alone would let all twelve through in two windows)
            assertThat(statuses).hasSize(12).containsOnly(200);
            List<Instant> arrivals = Stream.concat(simulator().calls("gemini-sim").stream(),
                    other.simulator().calls("gemini-sim").stream()).map(SimCall::at).sorted().toList();
            assertThat(arrivals).hasSize(12);
            assertThat(Duration.between(arrivals.get(0), arrivals.get(11)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2 * WINDOW_MS));
        }
    }
}
