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
 * Consensus over HTTP with the real routes and the simulator scripted per provider: majority after normalisation,
 * splits and conflicts, failures and hangs that still leave a vote, the quorum, and the panel running in parallel.
 */
class ConsensusVotingTest extends QuorumTestSupport {

    private static final List<String> PANEL = List.of("openai-sim", "gemini-sim", "mistral-sim");

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.consensus.timeout-ms", "5000");
        settings.put("quorum.routing.retry.max-attempts", "1");
        return settings;
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private void answers(String openai, String gemini, String mistral) {
        simulator().script("openai-sim", SimScript.builder().defaultAnswer(openai).build());
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer(gemini).build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer(mistral).build());
    }

    private JsonNode consensus(Map<String, Object> extra, int expectedStatus) {
        Map<String, Object> fields = new HashMap<>(extra);
        fields.putIfAbsent("prompt", "How many legs does a spider have?");
        fields.putIfAbsent("providers", PANEL);
        HttpResponse<String> response = post("/api/v1/consensus", request(fields));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json(response);
    }

    @Test
    void should_answer_unanimously_with_high_agreement_when_normalised_answers_match() {
        // given
        answers("8", "Eight legs? No: **8**.", "The answer is 8.");
        answers("8", "8.0", "The answer is 8.");

        // when
        JsonNode result = consensus(Map.of(), 200);

        // then
        assertThat(result.path("mode").asText()).isEqualTo("consensus");
        assertThat(result.path("algorithm").asText()).isEqualTo("majority");
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("high");
        assertThat(result.path("agreement").path("ratio").asDouble()).isEqualTo(1.0);
        assertThat(result.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(result.path("agreement").path("agreeing")).hasSize(3);
        assertThat(result.path("responses")).hasSize(3);
        assertThat(result.path("costUsd").asDouble()).isPositive();
        assertThat(result.path("reasoning").asText()).contains("All 3 providers");
        assertThat(result.has("recommendations")).isFalse();
    }

    @Test
    void should_give_each_response_its_share_of_the_vote_and_name_the_fastest_agreeing_and_most_confident_member() {
        // given: mistral-sim answers first but alone; of the two that agree, gemini-sim is the faster
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("8").latencyMs(400).build());
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("Eight.").latencyMs(150).build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("6").build());

        // when
        JsonNode result = consensus(Map.of(), 200);

        // then
        JsonNode agreement = result.path("agreement");
        assertThat(agreement.path("agreeing")).extracting(JsonNode::asText).containsExactlyInAnyOrder("openai-sim", "gemini-sim");
        assertThat(agreement.path("fastest").asText()).isEqualTo("gemini-sim");
        Map<String, JsonNode> byProvider = new HashMap<>();
        result.path("responses").forEach(r -> byProvider.put(r.path("provider").asText(), r));
        assertThat(byProvider.get("openai-sim").path("confidence").asDouble()).isEqualTo(0.667);
        assertThat(byProvider.get("gemini-sim").path("confidence").asDouble()).isEqualTo(0.667);
        assertThat(byProvider.get("mistral-sim").path("confidence").asDouble()).isEqualTo(0.333);
        double openai = byProvider.get("openai-sim").path("accuracy").asDouble();
        double gemini = byProvider.get("gemini-sim").path("accuracy").asDouble();
        assertThat(openai).isPositive();
        assertThat(agreement.path("mostConfident").asText())
                .isEqualTo(gemini > openai ? "gemini-sim" : "openai-sim");
        assertThat(byProvider.get("gemini-sim").path("latencyMs").asLong())
                .isLessThan(byProvider.get("openai-sim").path("latencyMs").asLong());
    }

    @Test
    void should_take_the_two_against_one_answer_with_medium_agreement() {
        // given
        answers("Yes, it is.", "no", "yes");

        // when
        JsonNode result = consensus(Map.of("prompt", "Is water wet?"), 200);

        // then
        assertThat(result.path("answer").asText()).isEqualTo("Yes, it is.");
        assertThat(result.path("provider").asText()).isEqualTo("openai-sim");
        JsonNode agreement = result.path("agreement");
        assertThat(agreement.path("level").asText()).isEqualTo("medium");
        assertThat(agreement.path("ratio").asDouble()).isEqualTo(0.667);
        assertThat(agreement.path("agreeing")).extracting(JsonNode::asText).containsExactly("openai-sim", "mistral-sim");
        assertThat(agreement.path("dissenting")).extracting(JsonNode::asText).containsExactly("gemini-sim");
        assertThat(result.path("confidence").asDouble()).isEqualTo(0.667);
    }

    @Test
    void should_report_a_conflict_with_a_recommendation_when_all_answers_differ() {
        // given
        answers("Rome", "Paris", "Lyon");

        // when
        JsonNode result = consensus(Map.of("prompt", "Capital?"), 200);

        // then
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("conflict");
        assertThat(result.path("answer").asText()).isEqualTo("Rome");
        assertThat(result.path("recommendations").toString()).contains("review the answer manually");
    }

    @Test
    void should_vote_with_the_others_when_one_provider_fails() {
        // given
        answers("42", "42", "41");
        simulator().script("mistral-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        JsonNode result = consensus(Map.of(), 200);

        // then
        assertThat(result.path("answer").asText()).isEqualTo("42");
        assertThat(result.path("agreement").path("ratio").asDouble()).isEqualTo(1.0);
        assertThat(result.path("confidence").asDouble()).isEqualTo(0.667);
        JsonNode failed = result.path("responses").get(2);
        assertThat(failed.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(failed.path("error").path("providerStatus").asInt()).isEqualTo(500);
        assertThat(result.path("recommendations").toString()).contains("Check the failing providers: mistral-sim");
    }

    @Test
    void should_vote_without_a_provider_that_hangs_past_the_timeout() {
        // given
        answers("42", "42", "42");
        simulator().script("gemini-sim", SimScript.builder().hang(true).build());

        // when
        long started = System.nanoTime();
        JsonNode result = consensus(Map.of("timeoutMs", 1500), 200);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(result.path("answer").asText()).isEqualTo("42");
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactly("openai-sim", "mistral-sim");
        JsonNode hung = result.path("responses").get(1);
        assertThat(hung.path("error").path("type").asText()).isEqualTo("provider_timeout");
        assertThat(hung.path("error").path("message").asText()).contains("within the panel's 1500 ms");
        // the panel waited its timeout, and voted while the hung call was still open at the provider
        assertThat(tookMs).isGreaterThanOrEqualTo(1400L);
        assertThat(hung.path("latencyMs").asLong()).isGreaterThanOrEqualTo(1400L);
        assertThat(simulator().received("gemini-sim")).isEqualTo(1);
        assertThat(simulator().calls("gemini-sim")).as("the hung call had not ended").isEmpty();
    }

    @Test
    void should_hold_the_panel_to_the_configured_timeout_when_the_request_names_none() {
        // given: quorum.consensus.timeout-ms is 5000 here, so the panel is asked through the members' own routes
        answers("42", "42", "42");
        simulator().script("gemini-sim", SimScript.builder().hang(true).build());

        // when
        long started = System.nanoTime();
        JsonNode result = consensus(Map.of(), 200);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(result.path("answer").asText()).isEqualTo("42");
        JsonNode hung = result.path("responses").get(1);
        assertThat(hung.path("provider").asText()).isEqualTo("gemini-sim");
        assertThat(hung.path("error").path("type").asText()).isEqualTo("provider_timeout");
        assertThat(hung.path("error").path("message").asText()).contains("within the panel's 5000 ms");
        // the panel waited the configured timeout, and voted while the hung call was still open at the provider
        assertThat(tookMs).isGreaterThanOrEqualTo(4900L);
        assertThat(simulator().received("gemini-sim")).isEqualTo(1);
        assertThat(simulator().calls("gemini-sim")).as("the hung call had not ended").isEmpty();
    }

    @Test
    void should_fail_clearly_with_every_response_when_the_quorum_is_not_met() {
        // given
        answers("42", "42", "42");
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(503).build());
        simulator().script("gemini-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        JsonNode result = consensus(Map.of(), 502);

        // then
        assertThat(result.path("error").path("type").asText()).isEqualTo("quorum_not_met");
        assertThat(result.path("error").path("message").asText())
                .contains("1 of 3 providers answered and the quorum is 2")
                .contains("openai-sim").contains("gemini-sim").contains("HTTP 500");
        assertThat(result.path("responses")).hasSize(3);
        assertThat(result.has("answer")).isFalse();
    }

    @Test
    void should_run_the_panel_in_parallel() {
        // given
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("8").latencyMs(100).build());
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer("8").latencyMs(200).build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("8").latencyMs(300).build());
        consensus(Map.of(), 200); // the first request of a JVM loads classes and clients: not what is measured

        // when
        JsonNode result = consensus(Map.of(), 200);

        // then: it waited for the slowest member, and the three calls were open at the providers at once (the last
        // arrived before the first was answered), as the simulator recorded them
        assertThat(result.path("latencyMs").asLong()).isGreaterThanOrEqualTo(300L);
        List<dev.quorum.sim.SimCall> calls = PANEL.stream()
                .map(provider -> simulator().calls(provider).get(simulator().calls(provider).size() - 1)).toList();
        java.time.Instant lastArrival = calls.stream().map(dev.quorum.sim.SimCall::receivedAt)
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        java.time.Instant firstAnswer = calls.stream().map(dev.quorum.sim.SimCall::at)
                .min(java.util.Comparator.naturalOrder()).orElseThrow();
        assertThat(lastArrival).isBefore(firstAnswer);
    }

    @Test
    void should_answer_by_consensus_through_the_complete_endpoint_with_the_default_panel() {
        // given: the three best providers by quality answer alike
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer("8").build());
        answers("8", "8", "9");

        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"legs?\",\"mode\":\"consensus\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactly("anthropic-sim", "openai-sim", "gemini-sim");
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("high");
    }

    @Test
    void should_reject_a_quorum_larger_than_the_default_panel_and_a_timeout_above_the_maximum() {
        // when
        HttpResponse<String> quorum = post("/api/v1/consensus", "{\"prompt\":\"hi\",\"quorum\":4}");
        HttpResponse<String> timeout = post("/api/v1/consensus", "{\"prompt\":\"hi\",\"timeoutMs\":500000}");

        // then
        assertThat(quorum.statusCode()).isEqualTo(400);
        assertThat(json(quorum).path("error").path("field").asText()).isEqualTo("quorum");
        assertThat(json(quorum).path("error").path("message").asText()).contains("the panel has only 3 providers");
        assertThat(timeout.statusCode()).isEqualTo(400);
        assertThat(json(timeout).path("error").path("message").asText()).contains("quorum.consensus.max-timeout-ms");
    }

    @Test
    void should_answer_the_readme_example_with_the_scripts_of_application_properties() {
        // given: simulator.reset() in @BeforeEach restored the scripted capital-of-France answers

        // when
        HttpResponse<String> response = post("/api/v1/consensus",
                "{\"prompt\":\"What is the capital of France?\",\"algorithm\":\"majority\",\"minAgreement\":0.66,\"timeoutMs\":5000}");

        // then
        // "Paris." and "The capital of France is Paris." are one answer to this question (before: a 2-1 split)
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("answer").asText()).isEqualTo("The capital of France is Paris.");
        assertThat(result.path("provider").asText()).isEqualTo("anthropic-sim");
        assertThat(result.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(result.path("agreement").path("level").asText()).isEqualTo("high");
        assertThat(result.path("agreement").path("agreeing")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openai-sim", "anthropic-sim", "gemini-sim");
        assertThat(result.path("agreement").path("dissenting")).isEmpty();
        assertThat(result.path("reasoning").asText()).isEqualTo("All 3 providers gave the same answer after normalising.");
    }

    @Test
    void should_answer_504_naming_every_provider_when_the_whole_panel_times_out() {
        // given
        for (String provider : PANEL) {
            simulator().script(provider, SimScript.builder().hang(true).build());
        }

        // when
        JsonNode result = consensus(Map.of("timeoutMs", 400), 504);

        // then
        assertThat(result.path("error").path("type").asText()).isEqualTo("quorum_not_met");
        assertThat(result.path("error").path("message").asText()).contains("0 of 3 providers answered")
                .contains("openai-sim (provider_timeout").contains("gemini-sim (provider_timeout")
                .contains("mistral-sim (provider_timeout");
        assertThat(result.path("responses")).hasSize(3);
        // the 504 came at the panel's timeout, while every member's call was still open at its provider
        assertThat(result.path("latencyMs").asLong()).isGreaterThanOrEqualTo(390L);
        for (String provider : PANEL) {
            assertThat(simulator().received(provider)).as(provider).isEqualTo(1);
            assertThat(simulator().calls(provider)).as(provider + "'s hung call had not ended").isEmpty();
        }
    }
}
