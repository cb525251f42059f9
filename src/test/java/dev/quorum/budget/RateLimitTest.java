package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider rate limits in the provider routes: gemini-sim lets four calls through per one-second window (the throttle
 * EIP in TotalRequests mode, the window shortened from a minute for the test), anthropic-sim serves two requests at
 * once (the concurrencyLimit bean, which gives every permit back). Measured at the simulator, with tolerance.
 */
class RateLimitTest extends QuorumTestSupport {

    private static final int RATE = 4;
    private static final long WINDOW_MS = 1000;
    /** Variation between a throttle's permit and its call's arrival at the simulator, on a loaded 2-core machine. */
    private static final long MARGIN_MS = 400;

    private final ExecutorService clients = Executors.newFixedThreadPool(12);

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.data.dir", BudgetGateTest.tempDir(),
                "quorum.ratelimit.window-ms", String.valueOf(WINDOW_MS),
                "quorum.ratelimit.gemini-sim.requests-per-minute", String.valueOf(RATE),
                "quorum.ratelimit.anthropic-sim.concurrent-requests", "2");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void should_let_through_at_most_the_configured_requests_per_window() {
        // given: one call first, so the twelve are not timed with the client's first-call warm-up (it stays counted)
        assertThat(parallel(1, "gemini-sim")).containsOnly(200);

        // when: twelve requests at once
        List<Integer> statuses = parallel(12, "gemini-sim");

        // then: all answered, and no window held more than four calls, measured where the calls arrive (their answer
        // times also carry the simulator's and the client's scheduling, which on a loaded machine is not the
        // throttle's doing). The throttle spaces permits exactly; the margin is the variation between a permit and
        // its call's arrival
        assertThat(statuses).containsOnly(200);
        List<SimCall> calls = new ArrayList<>(simulator().calls("gemini-sim"));
        calls.sort(Comparator.comparing(SimCall::receivedAt));
        assertThat(calls).hasSize(13);
        for (int i = 0; i + RATE < calls.size(); i++) {
            Duration gap = Duration.between(calls.get(i).receivedAt(), calls.get(i + RATE).receivedAt());
            assertThat(gap.toMillis()).as("calls %d and %d", i, i + RATE).isGreaterThanOrEqualTo(WINDOW_MS - MARGIN_MS);
        }
        // thirteen calls at four per window: the last arrives at least three windows after the first
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(12).receivedAt()).toMillis())
                .isGreaterThanOrEqualTo(3 * WINDOW_MS - MARGIN_MS);
    }

    @Test
    void should_serve_at_most_the_configured_requests_at_once() {
        // given: each call takes 300 ms
        simulator().script("anthropic-sim", SimScript.builder().latencyMs(300).build());

        // when: six requests at once, two at a time = three rounds
        long started = System.nanoTime();
        List<Integer> statuses = parallel(6, "anthropic-sim");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(statuses).containsOnly(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(3 * 300 - 50);
        List<SimCall> calls = new ArrayList<>(simulator().calls("anthropic-sim"));
        calls.sort(Comparator.comparing(SimCall::at));
        // a call is recorded when it answers: at most two answer per 300 ms round
        for (int i = 0; i + 2 < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i).at(), calls.get(i + 2).at()).toMillis()).isGreaterThanOrEqualTo(250);
        }
        // and every permit is back once the requests are answered, failed calls included
        simulator().script("anthropic-sim", SimScript.builder().errorRate(1.0).errorStatus(400).build());
        assertThat(parallel(3, "anthropic-sim")).doesNotContain(200);
        ConcurrencyLimit limit = context.getRegistry().lookupByNameAndType("concurrencyLimit", ConcurrencyLimit.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(limit.available("anthropic-sim")).isEqualTo(2));
    }

    @Test
    void should_not_limit_a_provider_without_rate_settings() {
        // given
        simulator().script("openai-sim", SimScript.builder().latencyMs(300).build());

        // when
        List<Integer> statuses = parallel(6, "openai-sim");

        // then: six at once are one round: every call reached the provider before the first was answered (a limit
        // would hold some back until others finished). Measured where the calls arrive, not by wall time, which a
        // loaded machine stretches
        assertThat(statuses).containsOnly(200);
        List<SimCall> calls = simulator().calls("openai-sim");
        assertThat(calls).hasSize(6);
        Instant lastArrival = calls.stream().map(SimCall::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant firstAnswer = calls.stream().map(SimCall::at).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(lastArrival).isBefore(firstAnswer);
    }

    @Test
    void should_build_the_limit_steps_only_into_the_routes_that_use_them() {
        // each limit's steps are passed in the limits route of the provider it limits and left out of the others
        assertThat(hasStep("provider-limits-gemini-sim", "rate-limit-gemini-sim")).isTrue();
        assertThat(hasStep("provider-limits-anthropic-sim", "concurrency-limit-anthropic-sim")).isTrue();
        assertThat(hasStep("provider-limits-gemini-sim", "concurrency-limit-gemini-sim")).isFalse();
        assertThat(hasStep("provider-limits-anthropic-sim", "rate-limit-anthropic-sim")).isFalse();
        assertThat(hasStep("provider-limits-openai-sim", "rate-limit-openai-sim")).isFalse();
        assertThat(hasStep("provider-limits-openai-sim", "concurrency-limit-openai-sim")).isFalse();
        // the entry goes to the limits route only when there is a limit to pass
        assertThat(hasStep("provider-gemini-sim", "limits-gemini-sim")).isTrue();
        assertThat(hasStep("provider-anthropic-sim", "limits-anthropic-sim")).isTrue();
        assertThat(hasStep("provider-openai-sim", "limits-openai-sim")).isFalse();
        // no budget is configured here, so no route has the budget steps (BudgetGateTest has them)
        assertThat(hasStep("provider-settle-gemini-sim", "budget-alerts-gemini-sim")).isFalse();
        // the call itself is there
        assertThat(hasStep("provider-call-openai-sim", "breaker-openai-sim")).isTrue();
        assertThat(hasStep("provider-openai-sim", "calls-openai-sim")).isTrue();
    }

    private List<Integer> parallel(int count, String provider) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = request(Map.of("prompt", "Rate limited call number " + i, "provider", provider));
            calls.add(CompletableFuture.supplyAsync(() -> post("/api/v1/complete", body), clients));
        }
        return calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }
}
