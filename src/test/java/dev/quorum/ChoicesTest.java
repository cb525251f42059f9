package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.budget.Budget;
import dev.quorum.budget.BudgetGate;
import dev.quorum.budget.BudgetStore;
import dev.quorum.budget.BudgetWindow;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.Period;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import dev.quorum.budget.UsageLedger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code n} > 1 in single mode through the real routes: n provider calls at once, one choice each, every call priced
 * and in the ledger, the OpenAI response with n {@code choices}; a cap on n, and a 400 naming {@code n} where a
 * request cannot have n choices (a consensus panel, a stream).
 */
public class ChoicesTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        // a budget of mistral-sim's calls, to see that it counts every one of the n calls
        return Map.of("quorum.request.max-n", "4", "quorum.budget.choices.scope", "provider",
                "quorum.budget.choices.key", "mistral-sim", "quorum.budget.choices.period", "day",
                "quorum.budget.choices.limit-usd", "1", "quorum.budget.choices.policy", "reject");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_answer_n_choices_each_its_own_priced_call_in_the_ledger() throws Exception {
        // when
        HttpResponse<String> response = post("/api/v1/complete",
                "{\"id\":\"choices-1\",\"provider\":\"mistral-sim\",\"prompt\":\"Name a colour.\",\"n\":3}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        JsonNode choices = result.path("choices");
        assertThat(choices).hasSize(3);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(choices.path(i).path("index").asInt()).isEqualTo(i);
            assertThat(choices.path(i).path("answer").asText()).isNotBlank();
            assertThat(choices.path(i).path("provider").asText()).isEqualTo("mistral-sim");
            assertThat(choices.path(i).path("costUsd").asDouble()).isPositive();
            sum += choices.path(i).path("costUsd").asDouble();
        }
        assertThat(result.path("answer").asText()).isEqualTo(choices.path(0).path("answer").asText());
        assertThat(result.path("costUsd").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.path("responses")).hasSize(3);
        assertThat(simulator().calls("mistral-sim")).hasSize(3);
        UsageLedger ledger = context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
        ledger.flush(5_000);
        List<LedgerEntry> rows = ledger.entries(0, Long.MAX_VALUE).stream()
                .filter(e -> "choices-1".equals(e.requestId())).toList();
        assertThat(rows).hasSize(3).allSatisfy(e -> assertThat(e.costNanos()).isPositive());
        long ledgered = rows.stream().mapToLong(LedgerEntry::costNanos).sum();
        Budget budget = context.getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class).budgets().stream()
                .filter(b -> b.name().equals("choices")).findFirst().orElseThrow();
        BudgetStore store = context.getRegistry().lookupByNameAndType("budgetStore", BudgetStore.class);
        BudgetWindow window = new BudgetWindow(budget, "mistral-sim", Period.DAY.key(Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            BudgetStore.Spend spend = store.read(window);
            assertThat(spend.spentNanos()).isEqualTo(ledgered);
            assertThat(spend.reservedNanos()).isZero();
        });
    }

    @Test
    void should_answer_the_openai_api_with_n_choices() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"openai-sim","n":2,"messages":[{"role":"user","content":"Name a colour."}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("choices")).hasSize(2);
        assertThat(body.path("choices").path(0).path("index").asInt()).isZero();
        assertThat(body.path("choices").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(body.path("choices").path(1).path("message").path("content").asText()).isNotBlank();
        assertThat(body.path("usage").path("prompt_tokens").asInt())
                .isEqualTo(body.path("quorum").path("responses").path(0).path("inputTokens").asInt() * 2);
        assertThat(simulator().calls("openai-sim")).hasSize(2);
    }

    @Test
    void should_answer_n_choices_again_from_the_cache_at_no_cost() {
        // given
        String body = "{\"provider\":\"openai-sim\",\"prompt\":\"Name a cached colour.\",\"n\":2,\"cache\":\"exact\"}";
        HttpResponse<String> first = post("/api/v1/complete", body);

        // when
        HttpResponse<String> again = post("/api/v1/complete", body);
        HttpResponse<String> one = post("/api/v1/complete", body.replace(",\"n\":2", ""));

        // then: the same two choices, spent nothing; a request without n is another question
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode cached = json(again);
        assertThat(cached.path("cached").asBoolean()).isTrue();
        assertThat(cached.path("choices")).hasSize(2);
        assertThat(cached.path("choices").path(1).path("answer").asText())
                .isEqualTo(json(first).path("choices").path(1).path("answer").asText());
        assertThat(cached.path("choices").path(0).path("costUsd").asDouble()).isZero();
        assertThat(cached.path("choices").path(1).path("costUsd").asDouble()).isZero();
        assertThat(json(one).path("cached").asBoolean()).isFalse();
        assertThat(json(one).has("choices")).isFalse();
        assertThat(simulator().calls("openai-sim")).hasSize(3);
    }

    @Test
    void should_refuse_n_above_the_cap_a_consensus_n_and_a_streamed_n_naming_n() {
        // when
        HttpResponse<String> tooMany = post("/api/v1/complete", "{\"prompt\":\"x\",\"n\":5}");
        HttpResponse<String> consensus = post("/api/v1/consensus",
                "{\"prompt\":\"x\",\"n\":2,\"providers\":[\"openai-sim\",\"mistral-sim\"]}");
        HttpResponse<String> streamed = post("/v1/chat/completions", """
                {"model":"openai-sim","n":2,"stream":true,"messages":[{"role":"user","content":"x"}]}""");

        // then
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(json(tooMany).path("error").path("field").asText()).isEqualTo("n");
        assertThat(tooMany.body()).contains("quorum.request.max-n");
        assertThat(consensus.statusCode()).as(consensus.body()).isEqualTo(400);
        assertThat(json(consensus).path("error").path("field").asText()).isEqualTo("n");
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(400);
        assertThat(json(streamed).path("error").path("param").asText()).isEqualTo("n");
        assertThat(simulator().calls("openai-sim")).isEmpty();
        assertThat(simulator().calls("mistral-sim")).isEmpty();
    }
}
