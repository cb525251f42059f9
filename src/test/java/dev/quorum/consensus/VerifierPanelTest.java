package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code algorithm: verify} with a configured verifier panel ({@code quorum.consensus.verify.verifiers}): the
 * verifiers are asked in parallel through the recipient list, the generator is never its own verifier, and the
 * panel's verdict is the larger side, a tie counting as invalid.
 */
class VerifierPanelTest extends QuorumTestSupport {

    private static final String VERIFY = "(?i)Check the proposed answer";

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.consensus.verify.verifiers", "gemini-sim,mistral-sim,anthropic-sim",
                "quorum.consensus.verify.max-attempts", "2");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private void script(String provider, String answer, String verdict) {
        simulator().script(provider, SimScript.builder().defaultAnswer(answer).rule(VERIFY, verdict).build());
    }

    private JsonNode verify(List<String> panel) {
        HttpResponse<String> response = post("/api/v1/consensus", request(Map.of("prompt",
                "What is the capital of France?", "algorithm", "verify", "providers", panel)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void should_ask_every_verifier_but_the_generator_and_accept_the_larger_side() {
        // given: gemini-sim generates (it is a configured verifier too); mistral-sim says valid, anthropic-sim invalid,
        // openai-sim is no verifier
        script("gemini-sim", "Paris", "INVALID: should not be asked about its own answer");
        script("mistral-sim", "Lyon", "VALID: Paris is the capital.");
        script("anthropic-sim", "Lyon", "Verdict: valid. Correct.");
        script("openai-sim", "Nice", "INVALID: never asked");

        // when
        JsonNode result = verify(List.of("gemini-sim", "openai-sim"));

        // then
        JsonNode attempt = result.path("verification").path("attempts").get(0);
        assertThat(attempt.path("verifiers")).extracting(v -> v.path("verifier").asText())
                .containsExactly("mistral-sim", "anthropic-sim");
        assertThat(attempt.path("verdict").asText()).isEqualTo("valid");
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactly("gemini-sim", "mistral-sim", "anthropic-sim");
        assertThat(simulator().calls("gemini-sim")).hasSize(1);
        assertThat(simulator().calls("openai-sim")).isEmpty();
        assertThat(result.path("responses")).hasSize(3);
    }

    @Test
    void should_count_a_split_verifier_panel_as_invalid_and_regenerate() {
        // given: one verifier says valid, one invalid, for every answer
        script("gemini-sim", "Lyon", "VALID");
        script("mistral-sim", "Lyon", "VALID");
        script("anthropic-sim", "Lyon", "INVALID: Lyon is not the capital.");
        script("openai-sim", "Paris", "INVALID");

        // when: openai-sim generates first; its verifiers are gemini-sim, mistral-sim and anthropic-sim
        JsonNode result = verify(List.of("openai-sim", "ollama-sim"));

        // then: 2 valid against 1 invalid is valid; now the panel splits 1 to 1 (anthropic-sim's reply is no verdict)
        assertThat(result.path("verification").path("outcome").asText()).isEqualTo("valid");
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("x").rule(VERIFY, "INVALID: no").build());
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("x").rule(VERIFY, "Hmm, hard to say.").build());
        JsonNode split = verify(List.of("openai-sim", "ollama-sim"));
        JsonNode first = split.path("verification").path("attempts").get(0);
        assertThat(first.path("verdict").asText()).isEqualTo("invalid");
        assertThat(first.path("verifiers").get(2).path("verdict").asText()).isEqualTo("unclear");
        assertThat(split.path("verification").path("attempts")).hasSize(2);
        assertThat(split.path("verification").path("attempts").get(1).path("generator").asText()).isEqualTo("ollama-sim");
    }
}
