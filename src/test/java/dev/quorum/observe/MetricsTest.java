package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus scrape at {@code /observe/metrics} after real requests through the routes and the simulator: Quorum's
 * named series carry the numbers the results reported, next to Camel's route meters.
 */
class MetricsTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.routing.retry.openai-sim.max-attempts", "1");
        settings.put("quorum.routing.tier.simple.primary", "openai-sim");
        settings.put("quorum.routing.tier.simple.fallback", "gemini-sim");
        // a budget roomy enough never to refuse, so its gauges have something to show; refreshed quickly
        settings.put("quorum.budget.metrics-daily.scope", "global");
        settings.put("quorum.budget.metrics-daily.period", "day");
        settings.put("quorum.budget.metrics-daily.limit-usd", "100");
        settings.put("quorum.metrics.budget-refresh-ms", "200");
        return settings;
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @AfterEach
    void closeBreakers() {
        breaker("mistral-sim").transitionToClosedState();
    }

    @Test
    void should_count_provider_calls_tokens_cost_and_latency_as_the_results_report_them() {
        // given
        String before = scrape();
        double okBefore = value(before, "quorum_provider_requests_total", "provider", "anthropic-sim", "outcome", "ok");
        double inBefore = value(before, "quorum_provider_tokens_total", "provider", "anthropic-sim", "direction", "input");
        double outBefore = value(before, "quorum_provider_tokens_total", "provider", "anthropic-sim", "direction", "output");
        double costBefore = value(before, "quorum_provider_cost_usd_total", "provider", "anthropic-sim");
        double latencyCountBefore = value(before, "quorum_provider_latency_seconds_count", "provider", "anthropic-sim");

        // when: three answered requests pinned to anthropic-sim
        List<JsonNode> results = new ArrayList<>();
        for (String prompt : List.of("What is the capital of France?", "Name three colours", "Say hello to the metrics")) {
            HttpResponse<String> response = post("/api/v1/complete",
                    request(Map.of("prompt", prompt, "provider", "anthropic-sim")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            results.add(json(response));
        }

        // then
        String after = scrape();
        double input = results.stream().mapToDouble(r -> r.path("inputTokens").asDouble()).sum();
        double output = results.stream().mapToDouble(r -> r.path("outputTokens").asDouble()).sum();
        double cost = results.stream().mapToDouble(r -> r.path("costUsd").asDouble()).sum();
        assertThat(input).isPositive();
        assertThat(value(after, "quorum_provider_requests_total", "provider", "anthropic-sim", "model", "claude-haiku-4-5",
                "outcome", "ok") - okBefore).isEqualTo(3);
        assertThat(value(after, "quorum_provider_tokens_total", "provider", "anthropic-sim", "direction", "input") - inBefore)
                .isEqualTo(input);
        assertThat(value(after, "quorum_provider_tokens_total", "provider", "anthropic-sim", "direction", "output") - outBefore)
                .isEqualTo(output);
        assertThat(value(after, "quorum_provider_cost_usd_total", "provider", "anthropic-sim") - costBefore)
                .isCloseTo(cost, Offset.offset(1e-12));
        assertThat(value(after, "quorum_provider_latency_seconds_count", "provider", "anthropic-sim") - latencyCountBefore)
                .isEqualTo(3);
        double slowest = results.stream().mapToDouble(r -> r.path("responses").get(0).path("latencyMs").asDouble()).max()
                .orElseThrow();
        assertThat(value(after, "quorum_provider_latency_seconds_bucket", "provider", "anthropic-sim", "le", "+Inf")
                - value(before, "quorum_provider_latency_seconds_bucket", "provider", "anthropic-sim", "le", "+Inf"))
                .isEqualTo(3);
        assertThat(value(after, "quorum_provider_latency_seconds_max", "provider", "anthropic-sim"))
                .isGreaterThanOrEqualTo(slowest / 1000);
        assertThat(value(after, "quorum_requests_total", "mode", "single", "outcome", "ok")).isGreaterThanOrEqualTo(3);
        // Camel's own route meters share the scrape, on the routes requests enter by (quorum.metrics.route-meters)
        assertThat(value(after, "camel_exchanges_total", "routeId", "http-complete")).isGreaterThanOrEqualTo(3);
        assertThat(after).doesNotContain("routeId=\"intake\"").doesNotContain("routeId=\"provider-anthropic-sim\"");
        // and its route gauges
        assertThat(value(after, "camel_routes_running_routes")).isGreaterThan(10);
    }

    @Test
    void should_count_a_failed_call_by_its_error_type_and_the_fallback_it_took() {
        // given
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        String before = scrape();

        // when: a simple prompt goes to openai-sim, fails, and gemini-sim answers
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hi\"}");

        // then
        assertThat(json(response).path("provider").asText()).as(response.body()).isEqualTo("gemini-sim");
        String after = scrape();
        assertThat(value(after, "quorum_provider_requests_total", "provider", "openai-sim", "outcome", "provider_error")
                - value(before, "quorum_provider_requests_total", "provider", "openai-sim", "outcome", "provider_error"))
                .isEqualTo(1);
        assertThat(value(after, "quorum_fallbacks_total", "from", "openai-sim", "to", "gemini-sim")
                - value(before, "quorum_fallbacks_total", "from", "openai-sim", "to", "gemini-sim")).isEqualTo(1);
    }

    @Test
    void should_show_each_providers_breaker_state() {
        // given
        breaker("mistral-sim").transitionToOpenState();

        // when
        String scrape = scrape();

        // then
        assertThat(value(scrape, "quorum_circuit_breaker_state", "provider", "mistral-sim", "state", "open")).isEqualTo(1);
        assertThat(value(scrape, "quorum_circuit_breaker_state", "provider", "mistral-sim", "state", "closed")).isZero();
        assertThat(value(scrape, "quorum_circuit_breaker_state", "provider", "gemini-sim", "state", "closed")).isEqualTo(1);
    }

    @Test
    void should_publish_agreement_ratios_and_budgets_reported_by_other_features() {
        // given
        QuorumMetrics metrics = context.getRegistry().lookupByNameAndType("quorumMetrics", QuorumMetrics.class);

        // when
        metrics.recordAgreement("test-vote", 0.8);
        metrics.recordAgreement("test-vote", 0.8);
        metrics.recordAgreement("test-vote", 0.35);
        metrics.budget("test-daily", 1.25, 5.0);

        // then
        String scrape = scrape();
        assertThat(value(scrape, "quorum_consensus_agreement_percent_count", "algorithm", "test-vote")).isEqualTo(3);
        assertThat(value(scrape, "quorum_consensus_agreement_percent_bucket", "algorithm", "test-vote", "le", "30.0"))
                .isZero();
        assertThat(value(scrape, "quorum_consensus_agreement_percent_bucket", "algorithm", "test-vote", "le", "40.0"))
                .isEqualTo(1);
        assertThat(value(scrape, "quorum_consensus_agreement_percent_bucket", "algorithm", "test-vote", "le", "80.0"))
                .isEqualTo(3);
        assertThat(value(scrape, "quorum_budget_spent_usd", "budget", "test-daily")).isEqualTo(1.25);
        assertThat(value(scrape, "quorum_budget_remaining_usd", "budget", "test-daily")).isEqualTo(3.75);
        assertThat(value(scrape, "quorum_budget_limit_usd", "budget", "test-daily")).isEqualTo(5.0);
    }

    @Test
    void should_record_the_agreement_of_real_votes_and_the_spend_of_configured_budgets() {
        // when: openai-sim and gemini-sim say Paris, ollama-sim says Lyon
        HttpResponse<String> voted = post("/api/v1/consensus", "{\"prompt\":\"What is the capital of France?\","
                + "\"algorithm\":\"majority\",\"providers\":[\"openai-sim\",\"gemini-sim\",\"ollama-sim\"]}");

        // then: the vote's agreement is in the histogram, in percent
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        assertThat(json(voted).path("agreement").path("ratio").asDouble()).isCloseTo(2.0 / 3, Offset.offset(0.01));
        String scrape = scrape();
        assertThat(value(scrape, "quorum_consensus_agreement_percent_count", "algorithm", "majority")).isEqualTo(1);
        assertThat(value(scrape, "quorum_consensus_agreement_percent_bucket", "algorithm", "majority", "le", "60.0"))
                .isZero();
        assertThat(value(scrape, "quorum_consensus_agreement_percent_bucket", "algorithm", "majority", "le", "70.0"))
                .isEqualTo(1);
        // and the budget gauges follow the spend the usage report shows
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode budget = json(get("/api/v1/usage?period=day")).path("budgets").get(0);
            assertThat(budget.path("name").asText()).isEqualTo("metrics-daily");
            assertThat(budget.path("spentUsd").asDouble()).isPositive();
            String now = scrape();
            assertThat(value(now, "quorum_budget_spent_usd", "budget", "metrics-daily"))
                    .isEqualTo(budget.path("spentUsd").asDouble());
            assertThat(value(now, "quorum_budget_limit_usd", "budget", "metrics-daily")).isEqualTo(100.0);
        });
    }

    private CircuitBreaker breaker(String provider) {
        return context.getRegistry().lookupByNameAndType(provider + "CircuitBreaker", CircuitBreaker.class);
    }

    private String scrape() {
        HttpResponse<String> response = get("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample of {@code name} carrying all the given label pairs, or 0 when there is none yet. */
    static double value(String scrape, String name, String... labels) {
        List<String> matches = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                matches.add(line);
            }
        }
        assertThat(matches).as("samples of %s %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
        return matches.isEmpty() ? 0 : Double.parseDouble(matches.get(0).substring(matches.get(0).lastIndexOf(' ') + 1));
    }
}
