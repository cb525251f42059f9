package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage ledger and {@code GET /api/v1/usage} over the real routes: every provider call is a row with the
 * simulator's reported tokens priced at the configured prices, failures are rows too, a model without a price costs 0
 * with a warning, and the usage report's sums are the ledger's. On the embedded H2 file (the default) and on
 * PostgreSQL, by the two subclasses.
 */
abstract class UsageLedgerTest extends QuorumTestSupport {

    private final String dataDir = BudgetGateTest.tempDir();
    private final List<JsonNode> answered = new ArrayList<>();
    /** The class's PostgreSQL database; null on H2, where the ledger is the default embedded file. */
    private final TestDatabase database = backend() == TestDatabase.Backend.H2 ? null
            : TestDatabase.create(backend(), "ledger");

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.data.dir", dataDir);
        if (database != null) {
            settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        }
        settings.put("quorum.budget.everything.scope", "global");
        settings.put("quorum.budget.everything.period", "month");
        settings.put("quorum.budget.everything.limit-usd", "100");
        settings.put("quorum.budget.everything.policy", "downgrade");
        // a model no price table knows, with the provider's own prices left blank
        settings.put("quorum.simulator.provider.mistral-sim.model", "mystery-model-1");
        settings.put("quorum.simulator.provider.mistral-sim.price-input", "");
        settings.put("quorum.simulator.provider.mistral-sim.price-output", "");
        return settings;
    }

    @BeforeEach
    void sendTrafficOnce() {
        if (!answered.isEmpty()) {
            return;
        }
        simulator().reset();
        String[][] calls = {
                {"openai-sim", "acme", "Name three primary colours."},
                {"openai-sim", "globex", "What is the boiling point of water at sea level?"},
                {"anthropic-sim", "acme", "Write one sentence about the moon."},
                {"gemini-sim", "globex", "Give me a synonym for quick."},
                {"ollama-sim", "acme", "Say hello."}};
        for (String[] call : calls) {
            HttpResponse<String> response = post("/api/v1/complete", request(Map.of("provider", call[0],
                    "tenant", call[1], "prompt", call[2])));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            answered.add(json(response));
        }
        // one failure: a 400 is not retried, so it is one call and one error row
        simulator().script("gemini-sim", SimScript.builder().failNext(1).errorStatus(400).build());
        HttpResponse<String> failed = post("/api/v1/complete", request(Map.of("provider", "gemini-sim",
                "tenant", "globex", "prompt", "This one fails.", "id", "failing-request")));
        assertThat(failed.statusCode()).isEqualTo(502);
    }

    @Test
    void should_record_each_call_with_the_simulators_tokens_and_the_configured_prices() throws Exception {
        // given
        ProviderCatalog catalog = context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        Map<String, LedgerEntry> rows = ledger().entries(0, Long.MAX_VALUE).stream()
                .collect(Collectors.toMap(LedgerEntry::requestId, Function.identity(), (a, b) -> a));

        // then
        for (JsonNode result : answered) {
            String provider = result.path("provider").asText();
            LedgerEntry row = rows.get(result.path("id").asText());
            assertThat(row).as("ledger row of " + result.path("id").asText()).isNotNull();
            SimCall call = simulator().calls(provider).stream()
                    .filter(c -> c.answer() != null && c.answer().equals(result.path("answer").asText()))
                    .findFirst().orElseThrow();
            ProviderSpec spec = catalog.get(provider);
            assertThat(row.provider()).isEqualTo(provider);
            assertThat(row.outcome()).isEqualTo("ok");
            assertThat(row.inputTokens()).isEqualTo(call.inputTokens()).isPositive();
            assertThat(row.outputTokens()).isEqualTo(call.outputTokens()).isPositive();
            double expected = (call.inputTokens() * spec.pricing().inputPerMillion()
                    + call.outputTokens() * spec.pricing().outputPerMillion()) / 1_000_000d;
            assertThat(row.costNanos() / 1e9).isCloseTo(expected, within(1e-12));
            assertThat(result.path("costUsd").asDouble()).isCloseTo(expected, within(1e-12));
            assertThat(row.tenant()).isIn("acme", "globex");
            assertThat(row.task()).isNotBlank();
        }
        LedgerEntry failure = rows.get("failing-request");
        assertThat(failure.outcome()).isEqualTo("provider_error");
        assertThat(failure.costNanos()).isZero();
    }

    @Test
    void should_count_a_model_without_price_at_zero_with_a_warning() throws Exception {
        // when
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of("provider", "mistral-sim",
                "prompt", "Price me if you can.", "id", "unpriced-request")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("costUsd").asDouble()).isZero();
        assertThat(result.path("warnings").toString()).contains("no price", "mystery-model-1");
        LedgerEntry row = ledger().entries(0, Long.MAX_VALUE).stream()
                .filter(e -> "unpriced-request".equals(e.requestId())).findFirst().orElseThrow();
        assertThat(row.costNanos()).isZero();
        assertThat(row.inputTokens()).isPositive();
    }

    @Test
    void should_report_usage_with_the_ledgers_sums_in_the_documented_shape() throws Exception {
        for (String by : new String[] {"provider", "model", "tenant"}) {
            // when
            HttpResponse<String> response = get("/api/v1/usage?period=day&by=" + by);

            // then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode report = json(response);
            assertThat(fields(report)).containsExactly("period", "from", "to", "by", "totals", "rows", "budgets",
                    "recentErrors", "cache");
            assertThat(fields(report.path("cache"))).containsExactly("hits", "hitRatio", "savedUsd");
            Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(report.path("period").asText()).isEqualTo("day");
            assertThat(report.path("from").asText()).isEqualTo(today.toString());
            assertThat(report.path("to").asText()).isEqualTo(today.plusSeconds(86_400).toString());
            assertThat(report.path("by").asText()).isEqualTo(by);

            List<LedgerEntry> rows = ledger().entries(today.toEpochMilli(), Long.MAX_VALUE);
            JsonNode totals = report.path("totals");
            assertThat(fields(totals)).containsExactly("requests", "clientRequests", "errors", "inputTokens",
                    "outputTokens", "costUsd");
            assertThat(totals.path("requests").asLong()).isEqualTo(rows.size());
            assertThat(totals.path("clientRequests").asLong())
                    .isEqualTo(rows.stream().map(LedgerEntry::requestId).distinct().count());
            assertThat(totals.path("errors").asLong()).isEqualTo(rows.stream().filter(r -> !r.outcome().equals("ok")).count());
            assertThat(totals.path("inputTokens").asLong()).isEqualTo(rows.stream().mapToLong(LedgerEntry::inputTokens).sum());
            assertThat(totals.path("outputTokens").asLong()).isEqualTo(rows.stream().mapToLong(LedgerEntry::outputTokens).sum());
            assertThat(totals.path("costUsd").asDouble())
                    .isCloseTo(rows.stream().mapToLong(LedgerEntry::costNanos).sum() / 1e9, within(1e-12));

            Map<String, List<LedgerEntry>> groups = rows.stream().collect(Collectors.groupingBy(r -> switch (by) {
                case "provider" -> r.provider();
                case "model" -> r.model();
                default -> r.tenant();
            }));
            assertThat(report.path("rows")).hasSize(groups.size());
            for (JsonNode row : report.path("rows")) {
                assertThat(fields(row)).containsExactly("key", "requests", "clientRequests", "errors", "inputTokens",
                        "outputTokens", "costUsd");
                List<LedgerEntry> group = groups.get(row.path("key").asText());
                assertThat(row.path("requests").asLong()).isEqualTo(group.size());
                assertThat(row.path("inputTokens").asLong()).isEqualTo(group.stream().mapToLong(LedgerEntry::inputTokens).sum());
                assertThat(row.path("costUsd").asDouble())
                        .isCloseTo(group.stream().mapToLong(LedgerEntry::costNanos).sum() / 1e9, within(1e-12));
            }

            assertThat(report.path("budgets")).hasSize(1);
            JsonNode budget = report.path("budgets").get(0);
            assertThat(fields(budget)).containsExactly("name", "scope", "key", "period", "limitUsd", "spentUsd",
                    "reservedUsd", "remainingUsd", "percent", "policy", "thresholds", "resetsAt");
            assertThat(budget.path("reservedUsd").asDouble()).isZero();
            assertThat(budget.path("name").asText()).isEqualTo("everything");
            assertThat(budget.path("key").isNull()).isTrue();
            assertThat(budget.path("limitUsd").asDouble()).isEqualTo(100.0);
            double spent = ledger().entries(0, Long.MAX_VALUE).stream().mapToLong(LedgerEntry::costNanos).sum() / 1e9;
            assertThat(budget.path("spentUsd").asDouble()).isCloseTo(spent, within(1e-12));
            assertThat(budget.path("remainingUsd").asDouble()).isCloseTo(100.0 - spent, within(1e-9));
            assertThat(budget.path("thresholds").toString()).isEqualTo("[50,75,90]");

            JsonNode error = report.path("recentErrors").get(0);
            assertThat(fields(error)).containsExactly("at", "requestId", "provider", "model", "outcome", "message");
            assertThat(error.path("requestId").asText()).isEqualTo("failing-request");
            assertThat(error.path("outcome").asText()).isEqualTo("provider_error");
            // the provider's words, kept in memory by this instance, on one line and short
            assertThat(error.path("message").asText()).contains("400").hasSizeLessThanOrEqualTo(200)
                    .doesNotContain("\n");
        }
    }

    @Test
    void should_answer_400_naming_a_bad_period_or_grouping() {
        // when
        HttpResponse<String> period = get("/api/v1/usage?period=week");
        HttpResponse<String> by = get("/api/v1/usage?by=colour");

        // then
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(json(period).path("error").path("field").asText()).isEqualTo("period");
        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(json(by).path("error").path("field").asText()).isEqualTo("by");
    }

    @Test
    void should_report_the_month() {
        // when
        HttpResponse<String> response = get("/api/v1/usage?period=month&by=tenant");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response);
        Instant month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(report.path("from").asText()).isEqualTo(month.toString());
        assertThat(report.path("totals").path("requests").asLong()).isGreaterThanOrEqualTo(answered.size() + 1);
    }

    @Test
    void should_write_a_row_whose_strings_are_longer_than_their_columns_and_the_rows_after_it() throws Exception {
        // given: a tenant of 201+ characters (and other over-long strings) reaching the ledger directly
        String tenant = "t".repeat(250);
        ledger().record(new LedgerEntry(ledger().newCallId(), System.currentTimeMillis(), "long-" + "r".repeat(400),
                tenant, "p".repeat(150), "m".repeat(300), "k".repeat(80), 1, 2, 0, 0, 0, 5, "o".repeat(90)));

        // when: a normal request follows, and the usage is reported
        HttpResponse<String> after = post("/api/v1/complete", request(Map.of("provider", "openai-sim",
                "prompt", "After the long row.", "id", "after-long-row")));
        HttpResponse<String> report = get("/api/v1/usage?period=day&by=tenant");

        // then: both rows are in the ledger, the long strings cut to their columns, nothing set aside or waiting
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(report.statusCode()).isEqualTo(200);
        List<LedgerEntry> rows = ledger().entries(0, Long.MAX_VALUE);
        LedgerEntry cut = rows.stream().filter(e -> e.requestId().startsWith("long-")).findFirst().orElseThrow();
        assertThat(cut.tenant()).isEqualTo("t".repeat(200));
        assertThat(cut.requestId()).hasSize(200);
        assertThat(cut.provider()).hasSize(100);
        assertThat(cut.outcome()).hasSize(50);
        assertThat(rows).anyMatch(e -> "after-long-row".equals(e.requestId()));
        assertThat(ledger().pending()).isZero();
        assertThat(java.nio.file.Path.of(dataDir, "ledger-rejected.log")).doesNotExist();
    }

    @Test
    void should_write_a_row_whose_strings_hold_nul_characters() throws Exception {
        // given: NUL characters (which PostgreSQL refuses in text) in every string of a row reaching the ledger
        ledger().record(new LedgerEntry(ledger().newCallId(), System.currentTimeMillis(), "nul-\u0000-request",
                "nul\u0000tenant", "nul\u0000provider", "nul\u0000model", "nul\u0000task", 1, 2, 0, 0, 0, 5, "ok"));

        // when
        ledger().flush(5_000);

        // then: the row is written with U+FFFD in their place, nothing set aside or waiting
        LedgerEntry row = ledger().entries(0, Long.MAX_VALUE).stream()
                .filter(e -> e.requestId().startsWith("nul-")).findFirst().orElseThrow();
        assertThat(row.requestId()).isEqualTo("nul-\uFFFD-request");
        assertThat(row.tenant()).isEqualTo("nul\uFFFDtenant");
        assertThat(row.model()).isEqualTo("nul\uFFFDmodel");
        assertThat(ledger().pending()).isZero();
        assertThat(java.nio.file.Path.of(dataDir, "ledger-rejected.log")).doesNotExist();
    }

    @Test
    void should_not_book_negative_usage_from_a_lying_provider() throws Exception {
        // given: openai-sim reports negative token counts
        SimScript honest = simulator().script("openai-sim");
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("A fine answer.")
                .reportedInputTokens(-400_000).reportedOutputTokens(-7).build());
        try {
            // when
            HttpResponse<String> response = post("/api/v1/complete", request(Map.of("provider", "openai-sim",
                    "prompt", "Lie to me about your usage.", "id", "lying-usage", "maxTokens", 50)));

            // then: the call is booked at its estimate's counts (at most 50 output tokens), never at a negative cost
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json(response);
            assertThat(result.path("costUsd").asDouble()).isPositive();
            assertThat(result.path("outputTokens").asInt()).isEqualTo(50);
            assertThat(result.path("inputTokens").asInt()).isPositive();
            assertThat(result.path("warnings").toString()).contains("impossible usage", "openai-sim");
            LedgerEntry row = ledger().entries(0, Long.MAX_VALUE).stream()
                    .filter(e -> "lying-usage".equals(e.requestId())).findFirst().orElseThrow();
            assertThat(row.costNanos()).isPositive();
            assertThat(row.inputTokens()).isPositive();
            assertThat(row.outputTokens()).isEqualTo(50);
        } finally {
            simulator().script("openai-sim", honest);
        }
    }

    @Test
    void should_keep_each_vote_in_the_usage_database_and_serve_the_agreement_distribution_from_it() throws Exception {
        // given: a real vote (two of three agree: the configured scripts) and a vote another instance (or an earlier
        // run) wrote
        simulator().reset();
        HttpResponse<String> voted = post("/api/v1/consensus", request(Map.of("id", "ledger-vote",
                "prompt", "What is the capital of France?", "algorithm", "majority",
                "providers", List.of("openai-sim", "gemini-sim", "ollama-sim"))));
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        try (java.sql.Connection connection = database().connection();
             java.sql.Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO consensus_vote (at_ms, request_id, tenant, mode, algorithm, "
                    + "agreement_permille) VALUES (" + System.currentTimeMillis() + ", 'earlier', 'acme', 'consensus', "
                    + "'weighted', 350)");
        }

        // when
        HttpResponse<String> response = get("/api/v1/agreement?period=day");

        // then: both, from the database, per tenth of agreement
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode algorithms = json(response).path("algorithms");
        assertThat(algorithms.path("majority").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(algorithms.path("majority").path("counts").get(6).asLong()).as("0.6 < 2/3 <= 0.7 in %s and %s",
                        response.body(), voted.body())
                .isGreaterThanOrEqualTo(1);
        assertThat(algorithms.path("weighted").path("count").asLong()).isEqualTo(1);
        assertThat(algorithms.path("weighted").path("mean").asDouble()).isEqualTo(0.35);
        assertThat(algorithms.path("weighted").path("counts").get(3).asLong()).as("0.3 < 0.35 <= 0.4").isEqualTo(1);
        assertThat(json(response).path("bounds")).hasSize(10);
        try (java.sql.Connection connection = database().connection();
             java.sql.Statement sql = connection.createStatement();
             java.sql.ResultSet row = sql.executeQuery("SELECT tenant, mode, algorithm, agreement_permille, escalated "
                     + "FROM consensus_vote WHERE request_id = 'ledger-vote'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("default");
            assertThat(row.getString(2)).isEqualTo("consensus");
            assertThat(row.getString(3)).isEqualTo("majority");
            assertThat(row.getInt(4)).isEqualTo(667);
            assertThat(row.getObject(5)).isNull();
        }
        assertThat(get("/api/v1/agreement?period=week").statusCode()).isEqualTo(400);
    }

    @Test
    void should_add_each_providers_latency_over_time_and_what_cascades_saved_when_asked() throws Exception {
        // given: a cascade whose cheap panel splits (ollama-sim says Lyon), so it escalates
        simulator().reset();
        HttpResponse<String> cascade = post("/api/v1/complete", request(Map.of("prompt",
                "What is the capital of France?", "mode", "cascade")));
        assertThat(cascade.statusCode()).as(cascade.body()).isEqualTo(200);

        // when
        HttpResponse<String> response = get("/api/v1/usage?period=day&include=latency,cascade");

        // then: per provider, hourly points with p50 <= p95 from the ledger's answered calls
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.path("latency").path("slotMs").asLong()).isEqualTo(3_600_000);
        JsonNode openai = report.path("latency").path("providers").path("openai-sim");
        assertThat(openai).isNotEmpty();
        JsonNode point = openai.get(openai.size() - 1);
        assertThat(fields(point)).containsExactly("at", "calls", "p50Ms", "p95Ms");
        long calls = ledger().entries(0, Long.MAX_VALUE).stream()
                .filter(e -> e.provider().equals("openai-sim") && e.outcome().equals("ok"))
                .count();
        assertThat(point.path("calls").asLong()).isEqualTo(calls);
        assertThat(point.path("p95Ms").asLong()).isGreaterThanOrEqualTo(point.path("p50Ms").asLong());
        assertThat(Instant.parse(point.path("at").asText()).toEpochMilli() % 3_600_000).isZero();
        // and the cascade: asked, escalated, and the money escalating cost
        JsonNode cascades = report.path("cascade");
        assertThat(cascades.path("requests").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(cascades.path("escalated").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(cascades.path("netSavedUsd").decimalValue())
                .isEqualByComparingTo(json(cascade).path("cascade").path("costSavedUsd").decimalValue());
        // without include, neither
        assertThat(fields(json(get("/api/v1/usage?period=day")))).doesNotContain("latency", "cascade");
        assertThat(get("/api/v1/usage?include=everything").statusCode()).isEqualTo(400);
    }

    private UsageDatabase database() {
        return context.getRegistry().lookupByNameAndType("usageDatabase", UsageDatabase.class);
    }

    private UsageLedger ledger() {
        return context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
