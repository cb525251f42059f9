package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.UsageLedger;
import dev.quorum.provider.ApiKey;
import dev.quorum.provider.Pricing;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderKind;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Active health over the real routes: mistral-sim fails until its breaker opens (its own wait is ten minutes), the
 * probes fail too and keep it open, then the simulator recovers and the next probe closes the breaker: the provider
 * is back in routing and readiness within seconds. Probes are one-output-token calls through the provider route,
 * ledgered with task {@code probe}. A provider whose probes are off is never called; a paid provider is off by default.
 */
class HealthProbeTest extends QuorumTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.health.probe.enabled", "auto");
        settings.put("quorum.health.probe.check-ms", "100");
        settings.put("quorum.health.probe.interval-ms", "200");
        settings.put("quorum.health.probe.idle-ms", "600000");
        settings.put("quorum.health.probe.gemini-sim.enabled", "false");
        settings.put("quorum.routing.retry.mistral-sim.max-attempts", "1");
        settings.put("quorum.routing.breaker.mistral-sim.sliding-window-size", "2");
        settings.put("quorum.routing.breaker.mistral-sim.minimum-number-of-calls", "2");
        settings.put("quorum.routing.breaker.mistral-sim.wait-in-open-state-ms", "600000");
        return settings;
    }

    @AfterEach
    void closeBreakers() {
        simulator().reset();
        for (String provider : List.of("mistral-sim", "gemini-sim", "ollama-sim")) {
            breaker(provider).transitionToClosedState();
        }
    }

    @Test
    void should_probe_a_provider_whose_breaker_is_open_and_close_the_breaker_once_it_answers() throws Exception {
        // given: mistral-sim fails until its breaker opens
        simulator().script("mistral-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        for (int i = 0; i < 2; i++) {
            assertThat(ask("mistral-sim").statusCode()).isEqualTo(502);
        }
        assertThat(breaker("mistral-sim").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(503);

        // when: probes come while it still fails
        await().atMost(WAIT).until(() -> simulator().calls("mistral-sim").size() >= 4);

        // then: each was a one-token call, failed, and the breaker is not closed
        List<SimCall> probes = simulator().calls("mistral-sim").subList(2, 4);
        assertThat(probes).allSatisfy(call -> {
            assertThat(call.maxTokens()).isEqualTo(1);
            assertThat(call.status()).isEqualTo(500);
        });
        assertThat(breaker("mistral-sim").getState()).isNotEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(503);

        // when: the provider recovers
        simulator().reset();

        // then: a probe closes the breaker long before its ten minutes' wait, and readiness follows
        await().atMost(WAIT).until(() -> breaker("mistral-sim").getState() == CircuitBreaker.State.CLOSED);
        HttpResponse<String> ready = get("/observe/health/ready?exposureLevel=full&data=true");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(check(json(ready), "provider-mistral-sim").path("status").asText()).isEqualTo("UP");
        // the probe's outcome is recorded once its call has returned, just after the breaker closed
        await().atMost(WAIT).until(() -> check(json(get("/observe/health/ready?exposureLevel=full&data=true")),
                "provider-mistral-sim").path("data").path("probe.outcome").asText().equals("ok"));
        assertThat(ask("mistral-sim").statusCode()).isEqualTo(200);
        // and the probes are in the ledger, as task probe, failed and answered
        UsageLedger ledger = context.getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
        List<LedgerEntry> rows = ledger.entries(0, Long.MAX_VALUE).stream()
                .filter(row -> "probe".equals(row.task()) && row.provider().equals("mistral-sim")).toList();
        assertThat(rows).extracting(LedgerEntry::outcome).contains("provider_error", "ok");
        assertThat(rows).allSatisfy(row -> assertThat(row.requestId()).startsWith("probe-mistral-sim-"));
    }

    @Test
    void should_never_probe_a_provider_whose_probes_are_off() {
        // given: two open breakers, ollama-sim probed (free, simulated) and gemini-sim with its probes off
        int geminiCalls = simulator().calls("gemini-sim").size();
        int ollamaCalls = simulator().calls("ollama-sim").size();
        breaker("gemini-sim").transitionToOpenState();
        breaker("ollama-sim").transitionToOpenState();

        // when: ollama-sim's probes close its breaker (its probes are the clock: gemini-sim was due as often)
        await().atMost(WAIT).until(() -> breaker("ollama-sim").getState() == CircuitBreaker.State.CLOSED);

        // then
        assertThat(simulator().calls("ollama-sim").size()).isGreaterThan(ollamaCalls);
        assertThat(simulator().calls("gemini-sim")).hasSize(geminiCalls);
        assertThat(breaker("gemini-sim").getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void should_probe_only_providers_that_cost_nothing_unless_told_otherwise() {
        // given: a paid real provider, a free local one and a simulated one
        ProviderSpec paid = spec("openai", ProviderKind.OPENAI, new Pricing(0.15, 0.60), false);
        ProviderSpec local = spec("ollama-llama3", ProviderKind.OLLAMA, Pricing.FREE, false);
        ProviderSpec simulated = spec("openai-sim", ProviderKind.OPENAI, new Pricing(0.15, 0.60), true);
        ProviderCatalog catalog = new ProviderCatalog(List.of(paid, local, simulated));
        ProviderHealth health = new ProviderHealth(Map.of(), Map.of());
        Set<String> free = Set.of("ollama-llama3");

        // when
        HealthProbe auto = new HealthProbe(catalog, health, settings("auto", Map.of()), free::contains,
                Clock.systemUTC());
        HealthProbe asked = new HealthProbe(catalog, health, settings("auto", Map.of("openai", true)), free::contains,
                Clock.systemUTC());
        HealthProbe none = new HealthProbe(catalog, health, settings("false", Map.of()), free::contains,
                Clock.systemUTC());

        // then
        assertThat(auto.probes("openai")).isFalse();
        assertThat(auto.probes("ollama-llama3")).isTrue();
        assertThat(auto.probes("openai-sim")).isTrue();
        assertThat(asked.probes("openai")).isTrue();
        assertThat(none.probes("ollama-llama3")).isFalse();
    }

    private static HealthProbe.Settings settings(String enabled, Map<String, Boolean> perProvider) {
        return new HealthProbe.Settings(enabled, perProvider, 30_000, 300_000, "Reply with OK.");
    }

    private static ProviderSpec spec(String id, ProviderKind kind, Pricing pricing, boolean simulated) {
        return new ProviderSpec(id, kind, "model", null, ApiKey.of("key"), pricing, 0.5, Set.of(), 8192,
                Duration.ofSeconds(10), null, simulated, null);
    }

    private HttpResponse<String> ask(String provider) {
        return post("/api/v1/complete", request(Map.of("prompt", "Hello there", "provider", provider)));
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private CircuitBreaker breaker(String provider) {
        return context.getRegistry().lookupByNameAndType(provider + "CircuitBreaker", CircuitBreaker.class);
    }
}
