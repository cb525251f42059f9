package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each voting method over HTTP with the real routes and the simulator scripted per provider: weighted voting where
 * one strong provider outweighs two weak ones and where it does not, semantic grouping of paraphrases that majority
 * keeps apart, the accuracy threshold, a judge provider naming the answer, and JSON fusion field by field.
 */
class ConsensusAlgorithmsTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        // anthropic-sim is right 97% of the time: log-odds 3.48 against mistral-sim 0.85 + ollama-sim 0.20
        settings.put("quorum.consensus.accuracy.anthropic-sim", "0.97");
        settings.put("quorum.consensus.judge", "ollama-sim");
        // the semantic task router loads the embedding model at start; semantic voting must use that same one
        settings.put("quorum.routing.semantic.enabled", "true");
        return settings;
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private void answer(String provider, String answer) {
        simulator().script(provider, SimScript.builder().defaultAnswer(answer).build());
    }

    private JsonNode consensus(String algorithm, List<String> panel) {
        HttpResponse<String> response = post("/api/v1/consensus", request(Map.of("prompt", "Which option is right?",
                "algorithm", algorithm, "providers", panel)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void should_let_one_strong_provider_outweigh_two_weak_ones_when_its_log_odds_are_larger() {
        // given
        answer("anthropic-sim", "A");
        answer("mistral-sim", "B");
        answer("ollama-sim", "B");
        List<String> panel = List.of("anthropic-sim", "mistral-sim", "ollama-sim");

        // when
        JsonNode weighted = consensus("weighted", panel);
        JsonNode majority = consensus("majority", panel);

        // then
        assertThat(weighted.path("answer").asText()).isEqualTo("A");
        assertThat(weighted.path("agreement").path("ratio").asDouble()).isCloseTo(3.476 / (3.476 + 0.847 + 0.201),
                org.assertj.core.data.Offset.offset(0.002));
        assertThat(weighted.path("reasoning").asText()).contains("anthropic-sim 3.48 (p=0.97)");
        assertThat(majority.path("answer").asText()).isEqualTo("B");
    }

    @Test
    void should_let_two_providers_outweigh_a_stronger_one_when_their_log_odds_add_up_to_more() {
        // given: openai-sim 0.80 (1.39) against gemini-sim 0.78 (1.27) + mistral-sim 0.70 (0.85)
        answer("openai-sim", "A");
        answer("gemini-sim", "B");
        answer("mistral-sim", "B");

        // when
        JsonNode result = consensus("weighted", List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("B");
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactly("gemini-sim", "mistral-sim");
        assertThat(result.path("agreement").path("ratio").asDouble()).isCloseTo(2.113 / 3.499,
                org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void should_group_paraphrases_by_meaning_which_majority_keeps_apart() {
        // given
        answer("openai-sim", "Paris is the capital of France.");
        answer("gemini-sim", "The capital city of France is Paris.");
        answer("mistral-sim", "I am not able to answer that question.");
        List<String> panel = List.of("openai-sim", "gemini-sim", "mistral-sim");

        // when
        JsonNode semantic = consensus("semantic", panel);
        JsonNode majority = consensus("majority", panel);

        // then
        assertThat(semantic.path("answer").asText()).contains("Paris");
        assertThat(semantic.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openai-sim", "gemini-sim");
        assertThat(semantic.path("agreement").path("level").asText()).isEqualTo("medium");
        assertThat(semantic.path("reasoning").asText()).contains("in meaning");
        assertThat(majority.path("agreement").path("level").asText()).isEqualTo("conflict");
    }

    @Test
    void should_count_only_providers_above_the_accuracy_threshold() {
        // given: only openai-sim (0.80) reaches 0.75; mistral-sim (0.70) and ollama-sim (0.55) do not vote
        answer("openai-sim", "yes");
        answer("mistral-sim", "no");
        answer("ollama-sim", "No.");

        // when
        JsonNode result = consensus("threshold", List.of("openai-sim", "mistral-sim", "ollama-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("yes");
        assertThat(result.path("agreement").path("dissenting")).extracting(JsonNode::asText)
                .containsExactly("mistral-sim", "ollama-sim");
        assertThat(result.path("reasoning").asText()).contains("not voting: mistral-sim, ollama-sim");
    }

    @Test
    void should_answer_with_the_most_accurate_provider_and_low_agreement_when_none_reaches_the_threshold() {
        // given
        answer("mistral-sim", "no");
        answer("ollama-sim", "yes");

        // when
        JsonNode result = consensus("threshold", List.of("ollama-sim", "mistral-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("no");
        assertThat(result.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("low");
        assertThat(result.path("recommendations").toString()).contains("no provider reached the confidence threshold");
    }

    @Test
    void should_let_the_judge_name_the_answer_and_say_which_judge_decided() {
        // given
        answer("openai-sim", "Paris");
        answer("gemini-sim", "It is Paris, of course.");
        answer("mistral-sim", "Lyon");
        simulator().script("ollama-sim", SimScript.builder().rule("(?i)most consistent with the majority",
                "best=2; agreeing=1,2").build());

        // when
        JsonNode result = consensus("judge", List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("It is Paris, of course.");
        assertThat(result.path("judge").asText()).isEqualTo("ollama-sim");
        assertThat(result.path("reasoning").asText()).startsWith("Judge ollama-sim named gemini-sim's answer");
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactly("openai-sim", "gemini-sim");
        assertThat(result.path("responses")).hasSize(4);
        assertThat(result.path("responses").get(3).path("provider").asText()).isEqualTo("ollama-sim");
        List<SimCall> judged = simulator().calls("ollama-sim");
        assertThat(judged).hasSize(1);
        assertThat(judged.get(0).prompt()).contains("Which option is right?").contains("[1] Paris")
                .contains("[2] It is Paris, of course.").contains("[3] Lyon");
    }

    @Test
    void should_not_ask_the_judge_when_the_panel_agrees() {
        // given
        answer("openai-sim", "Paris");
        answer("gemini-sim", "paris.");
        answer("mistral-sim", "Paris");

        // when
        JsonNode result = consensus("judge", List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then: nothing for a judge to decide, so no judge call
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        assertThat(result.path("judge").isMissingNode() || result.path("judge").isNull()).isTrue();
        assertThat(simulator().calls("ollama-sim")).isEmpty();
    }

    @Test
    void should_keep_the_majority_when_the_judge_fails() {
        // given
        answer("openai-sim", "Paris");
        answer("gemini-sim", "paris.");
        answer("mistral-sim", "Lyon");
        simulator().script("ollama-sim", SimScript.builder().errorRate(1.0).errorStatus(400).build());

        // when
        JsonNode result = consensus("judge", List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        assertThat(result.path("judge").asText()).isEqualTo("ollama-sim");
        assertThat(result.path("recommendations").toString()).contains("judge ollama-sim failed");
    }

    @Test
    void should_merge_json_answers_field_by_field() {
        // given
        answer("openai-sim", "{\"name\":\"Ada\",\"born\":1815,\"city\":\"London\"}");
        answer("gemini-sim", "```json\n{\"born\": 1815, \"name\": \"Ada\", \"city\": \"Paris\"}\n```");
        answer("mistral-sim", "{\"name\":\"Ada\",\"born\":1816,\"city\":\"London\",\"title\":\"Countess\"}");

        // when
        JsonNode result = consensus("fusion", List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then
        JsonNode merged = json(result.path("answer").asText());
        assertThat(merged.path("name").asText()).isEqualTo("Ada");
        assertThat(merged.path("born").asInt()).isEqualTo(1815);
        assertThat(merged.path("city").asText()).isEqualTo("London");
        assertThat(merged.has("title")).isFalse();
        // each answer gives the merged value for two of its three fields: all agree, and the level follows the ratio
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactly("openai-sim", "gemini-sim", "mistral-sim");
        assertThat(result.path("agreement").path("ratio").asDouble()).isEqualTo(0.778);
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("medium");
        assertThat(result.path("reasoning").asText()).contains("voted on born, city");
    }

    @Test
    void should_share_one_embedding_model_between_the_semantic_router_and_semantic_voting() {
        // when
        var models = context.getRegistry().findByType(dev.langchain4j.model.embedding.EmbeddingModel.class);

        // then
        assertThat(models).hasSize(1);
        assertThat(models.iterator().next()).isNotInstanceOf(OnDemandEmbeddingModel.class);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
