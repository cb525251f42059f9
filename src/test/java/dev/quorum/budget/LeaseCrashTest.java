package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumProcess;
import dev.quorum.SimulatorProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Reservations are leases: Quorum (a process of its own) is killed with {@code kill -9} while 16 calls hold nearly
 * all of a $0.01 budget, against a simulator (its own process) that never answers. Started again on the same data
 * folder it is the same instance, releases the leases it owned, books the 16 calls as interrupted, admits the next
 * request, and its usage report agrees with its budget: nothing stays reserved. On the embedded H2 file and on
 * PostgreSQL, by the two subclasses.
 */
abstract class LeaseCrashTest {

    /** mistral at $6 per million output tokens: 100 output tokens and a short prompt are just over $0.0006. */
    private static final Map<String, String> SETTINGS = Map.of(
            "quorum.provider.mistral.price-output", "6",
            "quorum.budget.daily.scope", "global",
            "quorum.budget.daily.period", "day",
            "quorum.budget.daily.limit-usd", "0.01",
            "quorum.budget.daily.policy", "reject");
    private static final String BODY = "{\"prompt\":\"Hang on the line.\",\"provider\":\"mistral\",\"maxTokens\":100}";

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Test
    void should_release_the_leases_of_calls_killed_in_flight_when_the_instance_starts_again() throws Exception {
        // given: 16 calls in flight, hanging at the simulator, reserving $0.0096 of $0.01 (on H2 in the data folder's
        // file, else in a database of the test's own)
        Path dataDir = Path.of(BudgetGateTest.tempDir());
        TestDatabase database = backend() == TestDatabase.Backend.H2 ? null
                : TestDatabase.create(backend(), "lease_crash");
        Map<String, String> settings = new HashMap<>(SETTINGS);
        if (database != null) {
            settings.put("quorum.ledger.jdbc-url", database.jdbcUrl());
        }
        try (SimulatorProcess simulator = SimulatorProcess.start(dataDir.resolve("simulator.log"))) {
            simulator.script("mistral", "{\"hang\":true}");
            QuorumProcess first = QuorumProcess.start(dataDir, simulator.port(), settings);
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                inFlight.add(first.postAsync("/api/v1/complete", BODY));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> simulator.received("mistral") == 16);
            JsonNode held = first.getJson("/api/v1/usage?period=day").path("budgets").get(0);
            assertThat(held.path("reservedUsd").asDouble()).isGreaterThan(0.0095);

            // when: kill -9, then a start on the same data folder with a simulator that answers
            first.kill();
            inFlight.forEach(call -> call.cancel(true));
            simulator.script("mistral", "{\"defaultAnswer\":\"Fine.\"}");
            try (QuorumProcess second = QuorumProcess.start(dataDir, simulator.port(), settings)) {
                HttpResponse<String> next = second.post("/api/v1/complete", BODY);

                // then: admitted, nothing reserved, the report's spend is the budget's, the 16 calls interrupted
                assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                JsonNode report = second.getJson("/api/v1/usage?period=day");
                JsonNode budget = report.path("budgets").get(0);
                assertThat(budget.path("reservedUsd").asDouble()).isZero();
                assertThat(budget.path("spentUsd").asDouble()).isPositive()
                        .isEqualTo(report.path("totals").path("costUsd").asDouble());
                assertThat(report.path("totals").path("requests").asLong()).isEqualTo(17);
                assertThat(report.path("totals").path("errors").asLong()).isEqualTo(16);
                assertThat(report.path("recentErrors").get(0).path("outcome").asText()).isEqualTo("interrupted");
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
