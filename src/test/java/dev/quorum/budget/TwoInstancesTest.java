package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumInstance;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two whole Quorum instances on one database, as a cluster runs them, each sent 32 requests at once:
 *
 * <ul>
 *   <li>against one small global budget, they spend at most its limit together, exactly: every call is sent the max
 *       output tokens its estimate prices and the provider honours it, so no call can cost more than the estimate
 *       reserved for it, and the bound on overshoot is zero. Every request leaves one ledger row (answered or
 *       refused), and the answered rows are exactly the calls the two simulators received: none lost;</li>
 *   <li>under one provider rate limit, the calls of both instances together stay within it in every window.</li>
 * </ul>
 *
 * On an H2 server and on PostgreSQL, by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_INSTANCE = 32;
    /** The dear provider: $100 / $1,000 per million tokens, so a $0.01 budget holds a handful of calls. */
    private static final String DEAR = "dear-mistral";
    private static final long LIMIT_NANOS = 10_000_000; // $0.01
    private static final String PROMPT = "Tell me everything about the sea.";
    private static final String LONG_ANSWER = "The sea covers most of the planet and holds most of its water, its "
            + "life and its weather; it has been crossed, fished, mapped and sung about for as long as people have "
            + "lived on its shores.";
    private static final int MAX_TOKENS = 1;
    /** The rate-limited provider: RATE calls per window of WINDOW_MS for the cluster. */
    private static final String LIMITED = "gemini-sim";
    private static final int RATE = 16;
    private static final long WINDOW_MS = 1000;

    private final ExecutorService clients = Executors.newFixedThreadPool(2 * PER_INSTANCE);
    private TestDatabase database;
    private QuorumInstance first;
    private QuorumInstance second;

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @BeforeAll
    void startTwoInstances() {
        database = TestDatabase.create(backend(), "two_instances");
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        settings.put("quorum.simulator.provider." + DEAR + ".kind", "mistral");
        settings.put("quorum.simulator.provider." + DEAR + ".model", "dear-model");
        settings.put("quorum.simulator.provider." + DEAR + ".price-input", "100");
        settings.put("quorum.simulator.provider." + DEAR + ".price-output", "1000");
        settings.put("quorum.simulator.provider." + DEAR + ".quality", "0.1");
        settings.put("quorum.budget.cluster-cap.scope", "global");
        settings.put("quorum.budget.cluster-cap.period", "day");
        settings.put("quorum.budget.cluster-cap.limit-usd", "0.01");
        settings.put("quorum.budget.cluster-cap.policy", "reject");
        // the rate-limited provider's model has no price (its calls cost $0 with a warning), so the global budget,
        // which the dear calls fill, never refuses its calls
        settings.put("quorum.simulator.provider." + LIMITED + ".model", "unpriced-model");
        settings.put("quorum.simulator.provider." + LIMITED + ".price-input", "");
        settings.put("quorum.simulator.provider." + LIMITED + ".price-output", "");
        settings.put("quorum.ratelimit.window-ms", String.valueOf(WINDOW_MS));
        settings.put("quorum.ratelimit." + LIMITED + ".requests-per-minute", String.valueOf(RATE));
        first = QuorumInstance.start(settings);
        second = QuorumInstance.start(settings);
    }

    @AfterAll
    void stopAll() {
        clients.shutdownNow();
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void should_spend_at_most_the_global_limit_exactly_with_32_concurrent_requests_on_each_of_two_instances()
            throws Exception {
        // given: long answers cut at 1 output token, every call in flight for 200 ms on both instances
        for (QuorumInstance instance : List.of(first, second)) {
            instance.simulator().script(DEAR, SimScript.builder().defaultAnswer(LONG_ANSWER).latencyMs(200).build());
        }
        long estimate = SimScript.tokens(PROMPT) * 100_000L + MAX_TOKENS * 1_000_000L;
        String body = JSON.writeValueAsString(Map.of("prompt", PROMPT, "provider", DEAR, "maxTokens", MAX_TOKENS));

        // when: 32 requests to each instance at once
        List<HttpResponse<String>> responses = concurrently(body);

        // then: together exactly the calls the limit holds, each at its estimate: spend <= limit with no overshoot
        long ok = 0;
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 429);
            if (response.statusCode() == 200) {
                ok++;
                assertThat(JSON.readTree(response.body()).path("outputTokens").asInt()).isEqualTo(MAX_TOKENS);
            }
        }
        assertThat(ok).isEqualTo(LIMIT_NANOS / estimate);
        flushBoth();
        BudgetStore.Spend spend = spend();
        assertThat(spend.reservedNanos()).isZero();
        assertThat(spend.spentNanos()).isLessThanOrEqualTo(LIMIT_NANOS).isEqualTo(ok * estimate);

        // and: one ledger row per request, the answered ones exactly the calls the simulators received, at the spend
        List<LedgerEntry> rows = ledger(first).entries(0, Long.MAX_VALUE).stream()
                .filter(e -> e.provider().equals(DEAR)).toList();
        assertThat(rows).hasSize(2 * PER_INSTANCE);
        long received = first.simulator().calls(DEAR).size() + second.simulator().calls(DEAR).size();
        assertThat(rows.stream().filter(e -> e.outcome().equals(LedgerEntry.OK)).count()).isEqualTo(received)
                .isEqualTo(ok);
        assertThat(rows.stream().mapToLong(LedgerEntry::costNanos).sum()).isEqualTo(spend.spentNanos());
        assertThat(rows.stream().map(LedgerEntry::callId).distinct()).hasSize(rows.size());
    }

    @Test
    void should_let_at_most_the_rate_limit_through_per_window_across_two_instances() throws Exception {
        // given: both instances have made a rate-limited call before (a fresh instance's first request loads its
        // classes for most of a second), and the burst starts early in a window: the slots a window grants are taken
        // at its start and reach the simulators inside it, so their arrival times tell the windows apart
        String body = JSON.writeValueAsString(Map.of("prompt", "Count me in the shared rate", "provider", LIMITED));
        for (QuorumInstance instance : List.of(first, second)) {
            assertThat(instance.post("/api/v1/complete", body).statusCode()).isEqualTo(200);
            instance.simulator().reset();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.currentTimeMillis() % WINDOW_MS < 50);

        // when: 32 requests to each instance at once
        List<HttpResponse<String>> responses = concurrently(body);

        // then: all answered, and no window of the cluster saw more than RATE calls at the two simulators together
        // (each instance alone would let RATE through per window, 2 x RATE together)
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        List<Instant> arrivals = Stream.concat(first.simulator().calls(LIMITED).stream(),
                second.simulator().calls(LIMITED).stream()).map(SimCall::at).sorted().toList();
        assertThat(arrivals).hasSize(2 * PER_INSTANCE);
        Map<Long, Integer> perWindow = new TreeMap<>();
        for (Instant arrival : arrivals) {
            perWindow.merge(arrival.toEpochMilli() / WINDOW_MS, 1, Integer::sum);
        }
        assertThat(perWindow.values()).as("calls per %d ms window: %s", WINDOW_MS, perWindow)
                .allSatisfy(calls -> assertThat(calls).isLessThanOrEqualTo(RATE));
        assertThat(perWindow).hasSizeGreaterThanOrEqualTo(2 * PER_INSTANCE / RATE);
        flushBoth();
        // and one ledger row per call: the burst's and the two before it
        assertThat(ledger(first).entries(0, Long.MAX_VALUE)).filteredOn(e -> e.provider().equals(LIMITED))
                .hasSize(2 * PER_INSTANCE + 2);
    }

    private List<HttpResponse<String>> concurrently(String body) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < PER_INSTANCE; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> first.post("/api/v1/complete", body), clients));
            calls.add(CompletableFuture.supplyAsync(() -> second.post("/api/v1/complete", body), clients));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** Each instance batches its own ledger rows: both queues are written before the database is read. */
    private void flushBoth() {
        ledger(first).flush(5_000);
        ledger(second).flush(5_000);
        assertThat(ledger(first).pending() + ledger(second).pending()).isZero();
    }

    private BudgetStore.Spend spend() throws Exception {
        BudgetGate gate = first.context().getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class);
        Budget budget = gate.budgets().stream().filter(b -> b.name().equals("cluster-cap")).findFirst().orElseThrow();
        return first.context().getRegistry().lookupByNameAndType("budgetStore", BudgetStore.class)
                .read(new BudgetWindow(budget, "*", Period.DAY.key(Instant.now())));
    }

    private static UsageLedger ledger(QuorumInstance instance) {
        return instance.context().getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
    }
}
