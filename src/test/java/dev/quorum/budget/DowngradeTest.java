package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Downgrade without a free local model: the cheapest paid provider that still fits answers instead (mistral-sim at
 * $0.10 / $0.30 per million tokens), and the result says so; with nothing that fits, the call is refused.
 */
class DowngradeTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.ofEntries(
                Map.entry("quorum.data.dir", BudgetGateTest.tempDir()),
                Map.entry("quorum.simulator.provider.ollama-sim.enabled", "false"),
                // openai-sim may spend next to nothing this month; every other provider is unlimited
                Map.entry("quorum.budget.openai-day.scope", "provider"),
                Map.entry("quorum.budget.openai-day.key", "openai-sim"),
                Map.entry("quorum.budget.openai-day.limit-usd", "0.000001"),
                Map.entry("quorum.budget.openai-day.policy", "downgrade"),
                // tenant "broke" may spend next to nothing anywhere
                Map.entry("quorum.budget.broke.scope", "tenant"),
                Map.entry("quorum.budget.broke.key", "broke"),
                Map.entry("quorum.budget.broke.limit-usd", "0.000001"),
                Map.entry("quorum.budget.broke.policy", "downgrade"),
                // tenant budgets bill the request's tenant only with API keys on
                Map.entry("quorum.auth.enabled", "true"),
                Map.entry("quorum.auth.keys.broke.key", BudgetGateTest.keyOf("broke")),
                Map.entry("quorum.auth.keys.broke.tenant", "broke"),
                Map.entry("quorum.auth.keys.anyone.key", BudgetGateTest.keyOf("anyone")),
                Map.entry("quorum.auth.keys.anyone.tenant", "anyone"));
    }

    @Test
    void should_downgrade_to_the_cheapest_paid_provider_that_fits() {
        // when
        HttpResponse<String> response = BudgetGateTest.postAs(http, port, "anyone", request(Map.of("prompt",
                "Name a prime number.", "provider", "openai-sim", "maxTokens", 50)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(result.path("costUsd").asDouble()).isPositive();
        assertThat(result.path("warnings").toString()).contains("budget 'openai-day'", "downgraded to mistral-sim");
    }

    @Test
    void should_reject_a_downgrade_when_no_provider_fits() {
        // when
        HttpResponse<String> response = BudgetGateTest.postAs(http, port, "broke", request(Map.of("prompt",
                "Name a prime number.", "provider", "openai-sim", "tenant", "broke", "maxTokens", 50)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("budget_exceeded");
        assertThat(error.path("message").asText()).contains("no cheaper provider fits");
    }
}
