package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cascade mode over HTTP: the two cheapest providers (ollama-sim, free, and mistral-sim) are asked first; when they
 * agree the strong provider (anthropic-sim, the best by quality) is never called and the result says what that saved;
 * when they split, anthropic-sim answers.
 */
class CascadeTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        // refuses every call to openai-sim, the strong provider of a cascade whose panel names anthropic-sim
        return Map.of("quorum.budget.no-openai.scope", "provider", "quorum.budget.no-openai.key", "openai-sim",
                "quorum.budget.no-openai.period", "day", "quorum.budget.no-openai.limit-usd", "0.000001",
                "quorum.budget.no-openai.policy", "reject");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private JsonNode cascade(String prompt) {
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of("prompt", prompt, "mode", "cascade")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void should_stop_at_the_cheap_panel_when_it_agrees_and_report_the_cost_saved() {
        // given
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer("Paris.").build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("paris").build());
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("Paris").build());

        // when
        JsonNode result = cascade("What is the capital of France, in one word?");

        // then
        JsonNode cascade = result.path("cascade");
        assertThat(cascade.path("escalated").asBoolean()).isFalse();
        assertThat(cascade.path("panel")).extracting(JsonNode::asText).containsExactly("ollama-sim", "mistral-sim");
        assertThat(cascade.path("strongProvider").asText()).isEqualTo("anthropic-sim");
        assertThat(simulator().calls("anthropic-sim")).isEmpty();
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("high");
        assertThat(result.path("answer").asText()).isEqualToIgnoringCase("paris").isIn("Paris.", "paris");
        // anthropic-sim alone: the prompt's input tokens and the panel's mean output tokens at $1 / $5 per million
        List<SimCall> mistral = simulator().calls("mistral-sim");
        int input = mistral.get(0).inputTokens();
        double outputMean = (simulator().calls("ollama-sim").get(0).outputTokens() + mistral.get(0).outputTokens()) / 2.0;
        double strongAlone = (input * 1.00 + Math.round(outputMean) * 5.00) / 1_000_000;
        assertThat(cascade.path("strongAloneCostUsd").asDouble()).isCloseTo(strongAlone, Offset.offset(1e-9));
        assertThat(cascade.path("costSavedUsd").asDouble())
                .isCloseTo(strongAlone - result.path("costUsd").asDouble(), Offset.offset(1e-9)).isPositive();
    }

    @Test
    void should_escalate_to_the_strong_provider_when_the_cheap_panel_splits() {
        // given
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer("Lyon").build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Paris").build());
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("The capital of France is Paris.").build());

        // when
        JsonNode result = cascade("What is the capital of France, in one word?");

        // then
        JsonNode cascade = result.path("cascade");
        assertThat(cascade.path("escalated").asBoolean()).isTrue();
        assertThat(cascade.path("reason").asText()).contains("agreed only 0.50 < minAgreement 0.66");
        assertThat(result.path("answer").asText()).isEqualTo("The capital of France is Paris.");
        assertThat(result.path("provider").asText()).isEqualTo("anthropic-sim");
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactly("ollama-sim", "mistral-sim", "anthropic-sim");
        double strongCost = result.path("responses").get(2).path("costUsd").asDouble();
        assertThat(result.path("costUsd").asDouble()).isGreaterThan(strongCost);
        assertThat(cascade.path("costSavedUsd").asDouble())
                .isCloseTo(strongCost - result.path("costUsd").asDouble(), Offset.offset(1e-9)).isNegative();
    }

    @Test
    void should_escalate_when_a_cheap_provider_fails_and_the_quorum_is_not_met() {
        // given
        simulator().script("ollama-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Paris").build());
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("Paris").build());

        // when
        JsonNode result = cascade("Capital of France?");

        // then
        assertThat(result.path("cascade").path("escalated").asBoolean()).isTrue();
        assertThat(result.path("cascade").path("reason").asText()).contains("only 1 of 2 cheap providers answered");
        assertThat(result.path("provider").asText()).isEqualTo("anthropic-sim");
    }

    @Test
    void should_answer_with_the_cheap_panel_and_a_warning_when_a_budget_refuses_the_escalation() {
        // given: a panel that splits, whose strong provider (openai-sim, the best not on it) a budget refuses
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("Lyon").build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Paris").build());

        // when
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of("prompt", "Capital of France?",
                "mode", "cascade", "providers", List.of("anthropic-sim", "mistral-sim"))));

        // then: 200 with the panel's vote, not escalated, and a warning naming the budget
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.has("error")).isFalse();
        assertThat(result.path("answer").asText()).isIn("Lyon", "Paris");
        assertThat(result.path("agreement").path("ratio").asDouble()).isEqualTo(0.5);
        JsonNode cascade = result.path("cascade");
        assertThat(cascade.path("escalated").asBoolean()).isFalse();
        assertThat(cascade.path("strongProvider").asText()).isEqualTo("openai-sim");
        assertThat(cascade.path("reason").asText()).contains("agreed only 0.50").contains("budget 'no-openai'");
        assertThat(result.path("warnings")).extracting(JsonNode::asText)
                .anySatisfy(w -> assertThat(w).contains("budget 'no-openai'").contains("openai-sim")
                        .contains("cheap panel's answer"));
        assertThat(simulator().calls("openai-sim")).isEmpty();
        // the refused call is listed with its refusal; the cost is the panel's
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactly("anthropic-sim", "mistral-sim", "openai-sim");
        assertThat(result.path("responses").get(2).path("error").path("type").asText()).isEqualTo("budget_exceeded");
        assertThat(result.path("costUsd").asDouble()).isPositive().isCloseTo(cascade.path("panelCostUsd").asDouble(),
                Offset.offset(1e-9));
    }
}
