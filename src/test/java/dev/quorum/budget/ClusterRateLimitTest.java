package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumInstance;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A provider's rate limit held by two Quorum instances together: they share the usage database, where every call
 * takes a slot of the provider's rate window, so the provider sees no more calls per window than the limit, however
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

            // then: every request answered, and no window saw more than 3 calls from both instances together
            assertThat(statuses).hasSize(12).containsOnly(200);
            List<SimCall> received = Stream.concat(simulator().calls("gemini-sim").stream(),
                    other.simulator().calls("gemini-sim").stream()).toList();
            assertThat(received).hasSize(12);
            Map<Long, Long> perWindow = received.stream().collect(Collectors.groupingBy(
                    call -> call.at().toEpochMilli() / WINDOW_MS, Collectors.counting()));
            assertThat(perWindow.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(RATE));
            assertThat(perWindow).hasSizeGreaterThanOrEqualTo(4);
        }
    }
}
