package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The budget gate in the real provider routes, with the simulator over HTTP: the exact boundary, the 429 body, the
 * downgrade, concurrent requests against a small budget, threshold alerts and free local models. Every budget here
 * is kept for one tenant, so the tests of the class do not spend each other's budgets. Requests go to mistral-sim
 * (0.10 / 0.30 USD per million tokens, prompt tokens estimated as one per four characters), so each estimate is
 * known: {@link #estimateNanos}.
 */
class BudgetGateTest extends QuorumTestSupport {

    private static final String PROMPT = "Summarise the budget rules in one line.";
    private static final int MAX_TOKENS = 100;
    private static final String ALERT_ANSWER = "Forty characters of answer, exactly. OK!";

    private final String dataDir = tempDir();
    private final ExecutorService clients = Executors.newFixedThreadPool(32);

    @Override
    protected Map<String, String> overrides() {
        long estimate = estimateNanos(PROMPT, MAX_TOKENS);
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.data.dir", dataDir);
        settings.put("quorum.budget.alert-endpoint", "mock:budget-alerts");
        // tenant budgets bill the request's tenant only with API keys on: each tenant here has its own key
        settings.put("quorum.auth.enabled", "true");
        tenantBudget(settings, "exact", "t-exact", estimate, "reject");
        tenantBudget(settings, "over", "t-over", estimate - 1, "reject");
        tenantBudget(settings, "down", "t-down", 1_000, "downgrade");
        tenantBudget(settings, "concurrent", "t-concurrent", 10 * estimate, "reject");
        // each alert call costs 10 input + 10 output tokens = 1000 + 3000 nano-dollars: ten calls reach the limit
        tenantBudget(settings, "alerts", "t-alerts", 40_000, "reject");
        return settings;
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void should_allow_a_call_that_reaches_the_limit_exactly_and_refuse_one_that_would_pass_it() {
        // when
        HttpResponse<String> exact = complete("t-exact", PROMPT, "mistral-sim");
        HttpResponse<String> over = complete("t-over", PROMPT, "mistral-sim");

        // then
        assertThat(exact.statusCode()).as(exact.body()).isEqualTo(200);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
        assertThat(json(over).path("error").path("budget").path("name").asText()).isEqualTo("over");
    }

    @Test
    void should_reject_with_429_naming_the_budget_spent_limit_and_reset() {
        // when
        HttpResponse<String> response = complete("t-over", PROMPT, "mistral-sim");

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("budget_exceeded");
        assertThat(error.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(error.path("message").asText()).contains("'over'", "resets at");
        JsonNode budget = error.path("budget");
        assertThat(budget.path("name").asText()).isEqualTo("over");
        assertThat(budget.path("scope").asText()).isEqualTo("tenant");
        assertThat(budget.path("key").asText()).isEqualTo("t-over");
        assertThat(budget.path("period").asText()).isEqualTo("day");
        assertThat(budget.path("policy").asText()).isEqualTo("reject");
        assertThat(budget.path("limitUsd").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(estimateNanos(PROMPT, MAX_TOKENS) - 1, 9));
        assertThat(budget.path("spentUsd").asDouble()).isZero();
        assertThat(budget.path("estimateUsd").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(estimateNanos(PROMPT, MAX_TOKENS), 9));
        Instant tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(budget.path("resetsAt").asText()).isEqualTo(tomorrow.toString());
    }

    @Test
    void should_downgrade_to_the_free_local_provider_and_say_so() {
        // when: openai-sim's estimate is far above the tenant's budget of $0.000001
        HttpResponse<String> response = complete("t-down", PROMPT, "openai-sim");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("provider").asText()).isEqualTo("ollama-sim");
        assertThat(result.path("costUsd").asDouble()).isZero();
        assertThat(result.path("warnings").toString()).contains("budget 'down'", "downgraded to ollama-sim");
        assertThat(simulator().calls("openai-sim")).noneMatch(call -> call.prompt().equals(PROMPT));
    }

    @Test
    void should_keep_the_free_local_model_allowed_when_the_usd_budget_is_spent() {
        // given: the tenant's budget does not even fit one mistral-sim call
        assertThat(complete("t-over", PROMPT, "mistral-sim").statusCode()).isEqualTo(429);

        // when
        HttpResponse<String> local = complete("t-over", PROMPT, "ollama-sim");

        // then
        assertThat(local.statusCode()).as(local.body()).isEqualTo(200);
        assertThat(json(local).path("provider").asText()).isEqualTo("ollama-sim");
    }

    @Test
    void should_never_overspend_with_32_concurrent_requests_against_a_budget_for_ten() throws Exception {
        // given: every call is in flight at once for 300 ms
        simulator().script("mistral-sim", SimScript.builder().latencyMs(300).build());
        try {
            // when
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> complete("t-concurrent", PROMPT, "mistral-sim"), clients));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                statuses.add(call.get().statusCode());
            }

            // then
            long ok = statuses.stream().filter(s -> s == 200).count();
            assertThat(statuses).containsOnly(200, 429);
            assertThat(ok).isGreaterThanOrEqualTo(10);
            BudgetStore.Spend spend = spend("concurrent", "t-concurrent");
            assertThat(spend.reservedNanos()).isZero();
            assertThat(spend.spentNanos()).isLessThanOrEqualTo(10 * estimateNanos(PROMPT, MAX_TOKENS));
            long ledgered = ledger().entries(0, Long.MAX_VALUE).stream()
                    .filter(e -> e.tenant().equals("t-concurrent")).mapToLong(LedgerEntry::costNanos).sum();
            assertThat(ledgered).isEqualTo(spend.spentNanos());
        } finally {
            simulator().reset();
        }
    }

    @Test
    void should_fire_each_threshold_alert_once() throws Exception {
        // given
        simulator().script("mistral-sim", SimScript.builder().rule("(?i)alert", ALERT_ANSWER).build());
        MockEndpoint alerts = getMockEndpoint("mock:budget-alerts");
        assertThat(hasStep("provider-settle-mistral-sim", "budget-alerts-mistral-sim")).isTrue();
        assertThat(hasStep("provider-mistral-sim", "limits-mistral-sim")).isTrue();
        try {
            // when: ten calls fit the limit exactly (the tenth's estimate would pass it), more are refused
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(postAs(http, port, "t-alerts", request(Map.of("prompt", "Send a budget alert for this call please",
                        "provider", "mistral-sim", "tenant", "t-alerts", "maxTokens", 20))).statusCode());
            }

            // then
            assertThat(statuses.subList(0, 9)).containsOnly(200);
            assertThat(statuses.get(11)).isEqualTo(429);
            List<JsonNode> events = new ArrayList<>();
            for (Exchange exchange : alerts.getExchanges()) {
                JsonNode event = JSON.readTree(exchange.getMessage().getBody(String.class));
                if (event.path("budget").asText().equals("alerts")) {
                    events.add(event);
                }
            }
            assertThat(events).extracting(e -> e.path("threshold").asInt()).containsExactly(50, 75, 90);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.path("key").asText()).isEqualTo("t-alerts");
                assertThat(e.path("limitUsd").decimalValue()).isEqualByComparingTo("0.00004");
            });
            assertThat(events.get(0).path("percent").asDouble()).isEqualTo(50.0);
        } finally {
            simulator().reset();
        }
    }

    private HttpResponse<String> complete(String tenant, String prompt, String provider) {
        return postAs(http, port, tenant, request(Map.of("prompt", prompt, "provider", provider, "tenant", tenant,
                "maxTokens", MAX_TOKENS)));
    }

    private BudgetStore.Spend spend(String budget, String tenant) throws Exception {
        BudgetGate gate = context.getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class);
        Budget configured = gate.budgets().stream().filter(b -> b.name().equals(budget)).findFirst().orElseThrow();
        return context.getRegistry().lookupByNameAndType("budgetStore", BudgetStore.class)
                .read(new BudgetWindow(configured, tenant, Period.DAY.key(Instant.now())));
    }

    private UsageLedger ledger() {
        return context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
    }

    /** mistral-sim's estimate: one token per started four characters at $0.10/M plus max tokens at $0.30/M. */
    static long estimateNanos(String prompt, int maxTokens) {
        return ((prompt.length() + 3) / 4) * 100L + maxTokens * 300L;
    }

    static void tenantBudget(Map<String, String> settings, String name, String tenant, long limitNanos, String policy) {
        settings.put("quorum.budget." + name + ".scope", "tenant");
        settings.put("quorum.budget." + name + ".key", tenant);
        settings.put("quorum.budget." + name + ".period", "day");
        settings.put("quorum.budget." + name + ".limit-usd", BigDecimal.valueOf(limitNanos, 9).toPlainString());
        settings.put("quorum.budget." + name + ".policy", policy);
        settings.put("quorum.auth.keys." + tenant + ".key", keyOf(tenant));
        settings.put("quorum.auth.keys." + tenant + ".tenant", tenant);
    }

    /** The API key of a test tenant (tenant budgets need keys on). */
    static String keyOf(String tenant) {
        return "test-key-of-" + tenant;
    }

    /** GET as the tenant whose key is sent. */
    static HttpResponse<String> getAs(java.net.http.HttpClient http, int port, String tenant, String path) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("X-API-Key", keyOf(tenant)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST as the tenant whose key is sent. */
    static HttpResponse<String> postAs(java.net.http.HttpClient http, int port, String tenant, String body) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                            + "/api/v1/complete")).header("Content-Type", "application/json")
                    .header("X-API-Key", keyOf(tenant)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("quorum-budget-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
