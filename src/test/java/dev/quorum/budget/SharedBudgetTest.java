package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumInstance;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Budgets held in the database, not in one JVM: two Quorum applications sharing one database (an H2 server, or
 * PostgreSQL, by the two subclasses) hold one limit together, a budget kept per tenant isolates tenants, and the
 * ledger and the spend survive a restart over the same database (a normal shutdown writes every queued ledger row).
 */
abstract class SharedBudgetTest extends QuorumTestSupport {

    private static final String PROMPT = "Summarise the budget rules in one line.";
    private static final int MAX_TOKENS = 100;
    private static final long ESTIMATE = BudgetGateTest.estimateNanos(PROMPT, MAX_TOKENS);

    private final ExecutorService clients = Executors.newFixedThreadPool(20);
    private final TestDatabase database = TestDatabase.create(backend(), "shared_usage");

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = budgets();
        settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        return settings;
    }

    /**
     * One budget per tenant (no key: every tenant has its own): five calls' estimates a day, refused beyond. Tenant
     * budgets bill the request's tenant only with API keys on: each tenant has its own key.
     */
    private static Map<String, String> budgets() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.auth.enabled", "true");
        for (String tenant : List.of("shared", "iso-a", "iso-b", "restart")) {
            settings.put("quorum.auth.keys." + tenant + ".key", BudgetGateTest.keyOf(tenant));
            settings.put("quorum.auth.keys." + tenant + ".tenant", tenant);
        }
        settings.put("quorum.budget.per-tenant.scope", "tenant");
        settings.put("quorum.budget.per-tenant.period", "day");
        settings.put("quorum.budget.per-tenant.limit-usd", BigDecimal.valueOf(5 * ESTIMATE, 9).toPlainString());
        settings.put("quorum.budget.per-tenant.policy", "reject");
        return settings;
    }

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
        database.close();
    }

    @Test
    void should_hold_one_budget_across_two_instances_sharing_the_database() throws Exception {
        // given: a second Quorum on the same database; both simulators keep each call in flight for 300 ms
        Map<String, String> second = budgets();
        second.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        try (QuorumInstance other = QuorumInstance.start(second)) {
            simulator().script("mistral-sim", SimScript.builder().latencyMs(300).build());
            other.simulator().script("mistral-sim", SimScript.builder().latencyMs(300).build());
            String body = request(Map.of("prompt", PROMPT, "provider", "mistral-sim", "tenant", "shared",
                    "maxTokens", MAX_TOKENS));

            // when: ten requests to each instance at once
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> BudgetGateTest.postAs(http, port, "shared", body), clients));
                calls.add(CompletableFuture.supplyAsync(() -> BudgetGateTest.postAs(http, other.port(), "shared", body),
                        clients));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            // then
            assertThat(statuses).containsOnly(200, 429);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isGreaterThanOrEqualTo(5);
            BudgetStore.Spend spend = spend("shared");
            // each instance batches its own ledger rows; the other instance's queue is written before reading
            other.context().getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class).flush(5_000);
            assertThat(spend.reservedNanos()).isZero();
            assertThat(spend.spentNanos()).isPositive().isLessThanOrEqualTo(5 * ESTIMATE);
            long ledgered = ledger().entries(0, Long.MAX_VALUE).stream().filter(e -> e.tenant().equals("shared"))
                    .mapToLong(LedgerEntry::costNanos).sum();
            assertThat(ledgered).isEqualTo(spend.spentNanos());
            assertThat(ledger().entries(0, Long.MAX_VALUE).stream().filter(e -> e.tenant().equals("shared")))
                    .hasSize(20);
        } finally {
            simulator().reset();
        }
    }

    @Test
    void should_keep_tenants_budgets_apart() {
        // given: tenant iso-a spends its own budget until it is refused
        String spending = request(Map.of("prompt", PROMPT, "provider", "mistral-sim", "tenant", "iso-a",
                "maxTokens", MAX_TOKENS));
        int refusedAfter = -1;
        for (int i = 0; i < 20 && refusedAfter < 0; i++) {
            if (BudgetGateTest.postAs(http, port, "iso-a", spending).statusCode() == 429) {
                refusedAfter = i;
            }
        }
        assertThat(refusedAfter).isGreaterThanOrEqualTo(5);

        // when
        HttpResponse<String> other = BudgetGateTest.postAs(http, port, "iso-b", request(Map.of("prompt", PROMPT,
                "provider", "mistral-sim", "tenant", "iso-b", "maxTokens", MAX_TOKENS)));

        // then
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(BudgetGateTest.postAs(http, port, "iso-a", spending).statusCode()).isEqualTo(429);
    }

    @Test
    void should_keep_the_ledger_and_the_spend_over_a_restart() throws Exception {
        // given: an application (on H2 the embedded file, else the shared database) answers three requests and stops
        // the normal way
        Map<String, String> settings = budgets();
        settings.put("quorum.data.dir", BudgetGateTest.tempDir());
        if (backend() != TestDatabase.Backend.H2) {
            settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        }
        String body = request(Map.of("prompt", PROMPT, "provider", "mistral-sim", "tenant", "restart",
                "maxTokens", MAX_TOKENS));
        JsonNode before;
        try (QuorumInstance first = QuorumInstance.start(settings)) {
            for (int i = 0; i < 3; i++) {
                assertThat(BudgetGateTest.postAs(http, first.port(), "restart", body).statusCode()).isEqualTo(200);
            }
            before = json(BudgetGateTest.getAs(http, first.port(), "restart", "/api/v1/usage?period=day&by=tenant"));
        }

        // when: a new application starts on the same file
        try (QuorumInstance second = QuorumInstance.start(settings)) {
            JsonNode after = json(BudgetGateTest.getAs(http, second.port(), "restart", "/api/v1/usage?period=day&by=tenant"));

            // then
            JsonNode row = after.path("rows").get(0);
            assertThat(row.path("key").asText()).isEqualTo("restart");
            assertThat(row.path("requests").asLong()).isEqualTo(3);
            assertThat(row.path("costUsd").asDouble()).isPositive()
                    .isEqualTo(before.path("rows").get(0).path("costUsd").asDouble());
            Function<JsonNode, Double> spent = report -> report.path("budgets").get(0).path("spentUsd").asDouble();
            assertThat(spent.apply(after)).isEqualTo(spent.apply(before)).isEqualTo(row.path("costUsd").asDouble());
            // the restored spend still counts: two more calls fit five estimates, later ones need the fourth and fifth
            assertThat(BudgetGateTest.postAs(http, second.port(), "restart", body).statusCode()).isEqualTo(200);
        }
    }

    private BudgetStore.Spend spend(String tenant) throws SQLException {
        BudgetGate gate = context.getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class);
        return context.getRegistry().lookupByNameAndType("budgetStore", BudgetStore.class)
                .read(new BudgetWindow(gate.budgets().get(0), tenant, Period.DAY.key(Instant.now())));
    }

    private UsageLedger ledger() {
        return context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
    }
}
