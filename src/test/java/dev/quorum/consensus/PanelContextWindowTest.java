package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consensus and cascade panels, the strong provider and the judge are held to their context windows as single mode
 * is: ollama-sim's 8192 tokens cannot hold a 40,000-character prompt (about 10,000 tokens). A panel the request names
 * is refused (422 naming {@code prompt}) before anyone is called; an automatic panel leaves the provider out and says
 * so in {@code warnings}; a judge that cannot hold its question (the prompt and every answer) refuses the request.
 */
class PanelContextWindowTest extends QuorumTestSupport {

    private static final List<String> PROVIDERS = List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim",
            "ollama-sim");
    private static final String LONG_PROMPT = "What is the capital of France? " + "Some context. ".repeat(2_900);

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.consensus.judge", "ollama-sim", "quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
        for (String provider : PROVIDERS) {
            simulator().script(provider, SimScript.builder().defaultAnswer("Paris.").build());
        }
    }

    private HttpResponse<String> send(String path, Map<String, Object> fields) {
        return post(path, request(new HashMap<>(fields)));
    }

    private void assertNoProviderCalled() {
        for (String provider : PROVIDERS) {
            assertThat(simulator().calls(provider)).as(provider).isEmpty();
        }
    }

    @Test
    void should_refuse_a_named_panel_with_a_member_that_cannot_hold_the_prompt_before_calling_anyone() {
        // when
        HttpResponse<String> response = send("/api/v1/consensus", Map.of("prompt", LONG_PROMPT,
                "providers", List.of("openai-sim", "ollama-sim", "mistral-sim")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("no_provider_fits");
        assertThat(error.path("field").asText()).isEqualTo("prompt");
        assertThat(error.path("message").asText()).contains("ollama-sim (8192 tokens)").doesNotContain("openai-sim");
        assertNoProviderCalled();
    }

    @Test
    void should_leave_a_provider_that_cannot_hold_the_prompt_out_of_an_automatic_cascade_panel_with_a_warning() {
        // when: the cascade's cheap panel would be ollama-sim (free) and mistral-sim
        HttpResponse<String> response = send("/api/v1/complete", Map.of("prompt", LONG_PROMPT, "mode", "cascade"));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("cascade").path("panel")).extracting(JsonNode::asText)
                .containsExactly("mistral-sim", "openai-sim");
        assertThat(result.path("warnings").toString()).contains("ollama-sim (8192 tokens)");
        assertThat(simulator().calls("ollama-sim")).isEmpty();
    }

    @Test
    void should_refuse_a_request_that_no_provider_can_hold() {
        // when: two million output tokens fit no provider's window, the panel's as little as single mode's
        HttpResponse<String> consensus = send("/api/v1/consensus", Map.of("prompt", "Capital of France?",
                "maxTokens", 2_000_000));
        HttpResponse<String> cascade = send("/api/v1/complete", Map.of("prompt", "Capital of France?",
                "maxTokens", 2_000_000, "mode", "cascade"));

        // then
        for (HttpResponse<String> response : List.of(consensus, cascade)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(json(response).path("error").path("field").asText()).isEqualTo("prompt");
        }
        assertNoProviderCalled();
    }

    @Test
    void should_refuse_a_judge_that_cannot_hold_the_prompt_and_every_answer_before_asking_the_panel() {
        // given: about 7,000 tokens of prompt fit every member, but not with three answers in the judge's 8192
        String prompt = "What is the capital of France? " + "Some context. ".repeat(2_000);

        // when
        HttpResponse<String> response = send("/api/v1/consensus", Map.of("prompt", prompt, "algorithm", "judge",
                "providers", List.of("openai-sim", "gemini-sim", "mistral-sim")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = json(response).path("error");
        assertThat(error.path("field").asText()).isEqualTo("prompt");
        assertThat(error.path("message").asText()).contains("judge").contains("ollama-sim (8192 tokens)");
        assertNoProviderCalled();
    }

    @Test
    void should_still_ask_a_small_judge_a_question_it_can_hold() {
        // given: a split panel, so the judge is asked
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("Lyon.").build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Marseille.").build());
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer("best=1; agreeing=1").build());

        // when
        HttpResponse<String> response = send("/api/v1/consensus", Map.of("prompt", "What is the capital of France?",
                "algorithm", "judge", "providers", List.of("openai-sim", "gemini-sim", "mistral-sim")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("judge").asText()).isEqualTo("ollama-sim");
        assertThat(simulator().calls("ollama-sim")).hasSize(1);
    }
}
