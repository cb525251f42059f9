package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The estimate bounds what a call can cost: every provider call is sent the max output tokens its estimate priced
 * (the request's maxTokens, else the provider's, else quorum.provider.default-max-output-tokens), in every wire
 * format, so 64 concurrent requests against a $0.01 budget spend at most $0.01, exactly the estimates of the calls
 * admitted, with or without maxTokens. And with API keys off, invented tenant names do not get budgets of their own.
 * The two dear providers here ($100 / $1,000 per million tokens) fill their budgets in a handful of calls.
 */
class OverspendTest extends QuorumTestSupport {

    private static final long LIMIT_NANOS = 10_000_000; // $0.01
    private static final String PROMPT = "Tell me everything about the sea.";
    private static final String LONG_ANSWER = "The sea covers most of the planet and holds most of its water, its "
            + "life and its weather; it has been crossed, fished, mapped and sung about for as long as people have "
            + "lived on its shores.";
    private static final int DEFAULT_MAX = 4;

    private final ExecutorService clients = Executors.newFixedThreadPool(64);

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.data.dir", BudgetGateTest.tempDir());
        settings.put("quorum.provider.default-max-output-tokens", String.valueOf(DEFAULT_MAX));
        // two dear providers of their own (Mistral's and Anthropic's wire formats), each under a $0.01 budget
        for (String kind : List.of("mistral", "anthropic")) {
            String provider = "dear-" + kind;
            settings.put("quorum.simulator.provider." + provider + ".kind", kind);
            settings.put("quorum.simulator.provider." + provider + ".model", "dear-model");
            settings.put("quorum.simulator.provider." + provider + ".price-input", "100");
            settings.put("quorum.simulator.provider." + provider + ".price-output", "1000");
            settings.put("quorum.simulator.provider." + provider + ".quality", "0.1");
            String budget = kind + "-cap";
            settings.put("quorum.budget." + budget + ".scope", "provider");
            settings.put("quorum.budget." + budget + ".key", provider);
            settings.put("quorum.budget." + budget + ".period", "day");
            settings.put("quorum.budget." + budget + ".limit-usd", "0.01");
            settings.put("quorum.budget." + budget + ".policy", "reject");
        }
        // a budget per tenant, large: with keys off it must still be one window, the default tenant's
        settings.put("quorum.budget.per-tenant.scope", "tenant");
        settings.put("quorum.budget.per-tenant.period", "day");
        settings.put("quorum.budget.per-tenant.limit-usd", "1000");
        settings.put("quorum.budget.per-tenant.policy", "reject");
        return settings;
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void should_spend_at_most_the_limit_with_64_concurrent_requests_of_max_tokens_1() throws Exception {
        assertOverspendBounded("dear-mistral", "mistral-cap", 1);
    }

    @Test
    void should_spend_at_most_the_limit_with_64_concurrent_requests_without_max_tokens() throws Exception {
        assertOverspendBounded("dear-anthropic", "anthropic-cap", null);
    }

    private void assertOverspendBounded(String provider, String budget, Integer maxTokens) throws Exception {
        // given: long answers, every call in flight at once for 200 ms
        simulator().script(provider, SimScript.builder().defaultAnswer(LONG_ANSWER).latencyMs(200).build());
        int cap = maxTokens == null ? DEFAULT_MAX : maxTokens;
        long estimate = SimScript.tokens(PROMPT) * 100_000L + cap * 1_000_000L;
        Map<String, Object> fields = new HashMap<>(Map.of("prompt", PROMPT, "provider", provider));
        if (maxTokens != null) {
            fields.put("maxTokens", maxTokens);
        }
        String body = request(fields);
        try {
            // when
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> post("/api/v1/complete", body), clients));
            }
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

            // then: the admitted calls were cut at the cap, each cost exactly its estimate, together within the limit
            long ok = 0;
            for (HttpResponse<String> response : responses) {
                assertThat(response.statusCode()).as(response.body()).isIn(200, 429);
                if (response.statusCode() == 200) {
                    ok++;
                    JsonNode result = json(response);
                    assertThat(result.path("outputTokens").asInt()).isEqualTo(cap);
                    assertThat(result.path("finishReason").asText()).isEqualTo("length");
                }
            }
            assertThat(ok).as(responses.get(0).body()).isEqualTo(LIMIT_NANOS / estimate);
            BudgetStore.Spend spend = spend(budget, provider);
            assertThat(spend.reservedNanos()).isZero();
            assertThat(spend.spentNanos()).isLessThanOrEqualTo(LIMIT_NANOS).isEqualTo(ok * estimate);
            long ledgered = ledger().entries(0, Long.MAX_VALUE).stream().filter(e -> e.provider().equals(provider))
                    .mapToLong(LedgerEntry::costNanos).sum();
            assertThat(ledgered).isEqualTo(spend.spentNanos());
            assertThat(simulator().calls(provider)).hasSize((int) ok).extracting(SimCall::maxTokens).containsOnly(cap);
        } finally {
            simulator().reset();
        }
    }

    @Test
    void should_send_the_max_output_tokens_on_every_call_in_all_five_wire_formats() throws Exception {
        simulator().reset();
        for (String provider : List.of("openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim")) {
            // when: one request with maxTokens, one without
            HttpResponse<String> capped = post("/api/v1/complete", request(Map.of("prompt", "Say hello to the sea.",
                    "provider", provider, "maxTokens", 2)));
            HttpResponse<String> uncapped = post("/api/v1/complete", request(Map.of("prompt", "Say hello to the sea.",
                    "provider", provider)));

            // then: the wire carried 2, then the default, and the answers stopped there
            assertThat(capped.statusCode()).as(capped.body()).isEqualTo(200);
            assertThat(uncapped.statusCode()).as(uncapped.body()).isEqualTo(200);
            assertThat(simulator().calls(provider)).as(provider).extracting(SimCall::maxTokens)
                    .containsExactly(2, DEFAULT_MAX);
            assertThat(json(capped).path("outputTokens").asInt()).isEqualTo(2);
            assertThat(json(capped).path("finishReason").asText()).isEqualTo("length");
        }

        // and a streamed call (OpenAI API, stream: true) carries it too
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"openai-sim\",\"stream\":true,\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"Stream hello to the sea.\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(simulator().calls("openai-sim")).last().extracting(SimCall::maxTokens).isEqualTo(DEFAULT_MAX);
        simulator().reset();
    }

    @Test
    void should_bill_invented_tenants_to_the_default_tenants_budget_while_api_keys_are_off() throws Exception {
        // when: 64 requests, each naming a tenant of its own
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String body = request(Map.of("prompt", "Hi.", "provider", "gemini-sim", "tenant", "invented-" + i,
                    "maxTokens", 1));
            calls.add(CompletableFuture.supplyAsync(() -> post("/api/v1/complete", body), clients));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        // then: one tenant window (the default tenant's), not 64; the result says why; the ledger keeps the label
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(json(responses.get(0)).path("warnings").toString()).contains("label only while API keys are off");
        List<BudgetStore.StoredWindow> windows = store().period(Period.DAY.key(Instant.now())).stream()
                .filter(w -> w.budget().equals("per-tenant")).toList();
        assertThat(windows).extracting(BudgetStore.StoredWindow::subject).containsExactly("default");
        assertThat(ledger().entries(0, Long.MAX_VALUE)).anyMatch(e -> e.tenant().equals("invented-7"));
    }

    private BudgetStore.Spend spend(String budget, String subject) throws Exception {
        BudgetGate gate = context.getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class);
        Budget configured = gate.budgets().stream().filter(b -> b.name().equals(budget)).findFirst().orElseThrow();
        return store().read(new BudgetWindow(configured, subject, Period.DAY.key(Instant.now())));
    }

    private BudgetStore store() {
        return context.getRegistry().lookupByNameAndType("budgetStore", BudgetStore.class);
    }

    private UsageLedger ledger() {
        return context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
    }
}
