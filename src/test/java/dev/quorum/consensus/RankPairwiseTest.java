package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.UsageLedger;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ranking ensemble by pairwise preference ({@code quorum.consensus.rank.method=pairwise}) through the real routes
 * with the simulator as the judge: each pair of distinct answers asked in both orders, a Copeland count of the wins,
 * every call in the result's responses, its cost and the usage ledger; a judge that always prefers the first
 * position cancels itself out, a judge that replies garbage leaves the consensus order, and the number of calls is
 * capped by {@code rank.max-pairwise-calls}.
 */
class RankPairwiseTest extends QuorumTestSupport {

    private static final String PAIR = "(?s)Answer 1:\\s*%s\\s*Answer 2:\\s*%s\\s*Which answer is better";

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.consensus.judge", "ollama-sim");
        settings.put("quorum.consensus.rank.method", "pairwise");
        settings.put("quorum.consensus.rank.max-pairwise-calls", "6");
        return settings;
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private JsonNode rank(List<String> panel) {
        HttpResponse<String> response = post("/api/v1/consensus", request(Map.of("prompt",
                "What is the capital of France?", "algorithm", "rank", "providers", panel)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void answer(String provider, String answer) {
        simulator().script(provider, SimScript.builder().defaultAnswer(answer).build());
    }

    /** A judge that prefers {@code better} over {@code worse} whichever position it is shown in. */
    private static void prefer(SimScript.Builder judge, String better, String worse) {
        judge.rule(String.format(PAIR, better, worse), "better=1").rule(String.format(PAIR, worse, better), "better=2");
    }

    @Test
    void should_rank_by_pairwise_preference_asking_each_pair_in_both_orders() {
        // given: the judge prefers Paris to both others and Lyon to Berlin, in either position
        answer("openai-sim", "Lyon");
        answer("gemini-sim", "Berlin");
        answer("mistral-sim", "Paris");
        SimScript.Builder judge = SimScript.builder();
        prefer(judge, "Paris", "Lyon");
        prefer(judge, "Paris", "Berlin");
        prefer(judge, "Lyon", "Berlin");
        simulator().script("ollama-sim", judge.build());

        // when
        JsonNode result = rank(List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then: three pairs, six calls, Copeland order Paris (2), Lyon (0), Berlin (-2)
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        JsonNode ranking = result.path("ranking");
        assertThat(ranking.path("decidedBy").asText()).as(result.toString()).isEqualTo("pairwise");
        assertThat(ranking.path("order")).extracting(JsonNode::asText)
                .containsExactly("mistral-sim", "openai-sim", "gemini-sim");
        assertThat(ranking.path("pairs")).hasSize(3);
        assertThat(ranking.path("pairs").findValuesAsText("preferred")).containsOnly("mistral-sim", "openai-sim");
        List<SimCall> calls = simulator().calls("ollama-sim");
        assertThat(calls).hasSize(6);
        assertThat(calls).extracting(SimCall::prompt).anyMatch(p -> p.contains("Answer 1:\nParis\n\nAnswer 2:\nLyon"))
                .anyMatch(p -> p.contains("Answer 1:\nLyon\n\nAnswer 2:\nParis"));
        assertThat(result.path("responses")).hasSize(3 + 6);
        double summed = 0;
        for (JsonNode response : result.path("responses")) {
            summed += response.path("costUsd").asDouble();
        }
        assertThat(result.path("costUsd").asDouble()).isCloseTo(summed, org.assertj.core.data.Offset.offset(1e-9));
        UsageLedger ledger = context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
        String id = result.path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.entries(0, Long.MAX_VALUE).stream()
                .filter(r -> id.equals(r.requestId()) && "ollama-sim".equals(r.provider())).count() == 6);
        assertThat(result.path("reasoning").asText()).contains("pairwise");
    }

    @Test
    void should_cancel_out_a_judge_that_always_prefers_the_first_answer_shown() {
        // given: a position-biased (lying) judge that would otherwise crown whichever answer it saw first
        answer("openai-sim", "Lyon");
        answer("gemini-sim", "Paris");
        answer("mistral-sim", "Paris");
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer("better=1").build());

        // when
        JsonNode result = rank(List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then: the two distinct answers are one pair, asked twice; the split is a tie and the consensus order stands
        assertThat(simulator().calls("ollama-sim")).hasSize(2);
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        JsonNode ranking = result.path("ranking");
        assertThat(ranking.path("decidedBy").asText()).isEqualTo("consensus");
        assertThat(ranking.path("order").get(2).asText()).isEqualTo("openai-sim");
        assertThat(ranking.path("note").asText()).contains("1 of 1 pair tied");
        assertThat(result.path("recommendations").toString()).contains("consensus order");
        assertThat(result.path("responses")).hasSize(3 + 2);
    }

    @Test
    void should_keep_the_consensus_order_when_every_pairwise_reply_is_garbage() {
        // given
        answer("openai-sim", "Paris");
        answer("gemini-sim", "Lyon");
        answer("mistral-sim", "Paris");
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer("Both answers have merit; 1 and 2 are close.")
                .build());

        // when
        JsonNode result = rank(List.of("openai-sim", "gemini-sim", "mistral-sim"));

        // then
        assertThat(result.path("answer").asText()).isEqualTo("Paris");
        JsonNode ranking = result.path("ranking");
        assertThat(ranking.path("decidedBy").asText()).isEqualTo("consensus");
        assertThat(ranking.path("note").asText()).contains("2 of 2 pairwise replies unreadable");
    }

    @Test
    void should_compare_only_the_top_of_the_consensus_order_that_the_call_cap_allows() {
        // given: four distinct answers would take 12 calls; the cap of 6 compares the first three
        answer("openai-sim", "Lyon");
        answer("anthropic-sim", "Berlin");
        answer("gemini-sim", "Madrid");
        answer("mistral-sim", "Paris");
        SimScript.Builder judge = SimScript.builder().defaultAnswer("better=1");
        prefer(judge, "Berlin", "Lyon");
        prefer(judge, "Berlin", "Madrid");
        prefer(judge, "Madrid", "Lyon");
        simulator().script("ollama-sim", judge.build());

        // when
        JsonNode result = rank(List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim"));

        // then: no answer agrees, so the consensus order is by accuracy; the least accurate one is never compared
        assertThat(simulator().calls("ollama-sim")).hasSize(6);
        JsonNode ranking = result.path("ranking");
        assertThat(ranking.path("decidedBy").asText()).as(result.toString()).isEqualTo("pairwise");
        assertThat(ranking.path("note").asText()).contains("only the top 3 of 4 distinct answers");
        assertThat(ranking.path("order")).extracting(JsonNode::asText)
                .containsExactly("anthropic-sim", "gemini-sim", "openai-sim", "mistral-sim");
        assertThat(simulator().calls("ollama-sim")).noneMatch(call -> call.prompt().contains("Paris"));
        assertThat(result.path("responses")).hasSize(4 + 6);
    }
}
