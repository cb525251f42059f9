package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Provider alerts over the real routes with the simulator: mistral-sim failing raises its error-rate alert and opens
 * its breaker (an alert too), which resolve when the breaker closes and the failures are outnumbered; gemini-sim
 * slowing down raises its latency alert, which resolves when it is fast again. Each alert fires once per crossing,
 * reaches direct:alerts' endpoint as one JSON event, is counted in /observe/metrics and listed at GET /api/v1/alerts.
 */
class AlertsTest extends QuorumTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.alerts.endpoint", "mock:delivered-alerts");
        settings.put("quorum.alerts.check-ms", "100");
        settings.put("quorum.alerts.min-calls", "4");
        settings.put("quorum.alerts.cooldown-ms", "0");
        settings.put("quorum.alerts.provider.gemini-sim.latency.p95-threshold-ms", "300");
        settings.put("quorum.alerts.provider.gemini-sim.latency.p95-resolve-ms", "200");
        // mistral-sim: one attempt per call, its breaker opens after 4 failed calls and stays open until closed
        settings.put("quorum.routing.retry.mistral-sim.max-attempts", "1");
        settings.put("quorum.routing.breaker.mistral-sim.sliding-window-size", "4");
        settings.put("quorum.routing.breaker.mistral-sim.minimum-number-of-calls", "4");
        settings.put("quorum.routing.breaker.mistral-sim.wait-in-open-state-ms", "600000");
        // a budget whose 1 % threshold anthropic-sim's first small call passes: an alert raised inside a request
        settings.put("quorum.budget.alerting.scope", "provider");
        settings.put("quorum.budget.alerting.key", "anthropic-sim");
        settings.put("quorum.budget.alerting.period", "day");
        settings.put("quorum.budget.alerting.limit-usd", "0.001");
        settings.put("quorum.budget.alerting.thresholds", "1");
        return settings;
    }

    @Test
    void should_fire_the_error_rate_and_breaker_alerts_of_a_failing_provider_once_and_resolve_them() {
        // given
        simulator().script("mistral-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when: four failed calls (4 of 4 over the 25 % threshold, and the breaker's window full of failures)
        for (int i = 0; i < 4; i++) {
            assertThat(ask("mistral-sim").statusCode()).isEqualTo(502);
        }

        // then: each alert fires, once, however many checks see the rate still high
        await().atMost(WAIT).until(() -> firing("mistral-sim").size() == 2);
        assertThat(firing("mistral-sim")).extracting(a -> a.path("type").asText())
                .containsExactlyInAnyOrder("provider-error-rate", "provider-breaker");
        JsonNode errorRate = delivered("mistral-sim", "provider-error-rate").get(0);
        assertThat(errorRate.path("state").asText()).isEqualTo("firing");
        assertThat(errorRate.path("calls").asInt()).isEqualTo(4);
        assertThat(errorRate.path("failures").asInt()).isEqualTo(4);
        assertThat(errorRate.path("errorRate").asDouble()).isEqualTo(1.0);
        assertThat(errorRate.path("message").asText()).contains("mistral-sim", "4 of 4 calls failed", "threshold 25%");
        assertThat(errorRate.path("id").asText()).isNotBlank();
        assertThat(errorRate.path("at").asText()).isNotBlank();
        JsonNode opened = delivered("mistral-sim", "provider-breaker").get(0);
        assertThat(opened.path("to").asText()).isEqualTo("open");
        assertThat(opened.path("message").asText()).contains("circuit breaker open");

        // when: the provider recovers, its breaker closes and forty answered calls outnumber the failures
        simulator().reset();
        breaker("mistral-sim").transitionToClosedState();
        for (int i = 0; i < 40; i++) {
            assertThat(ask("mistral-sim").statusCode()).isEqualTo(200);
        }

        // then: both resolve, once each, and nothing fires again
        await().atMost(WAIT).until(() -> firing("mistral-sim").isEmpty());
        assertThat(delivered("mistral-sim", "provider-error-rate")).extracting(a -> a.path("state").asText())
                .containsExactly("firing", "resolved");
        assertThat(delivered("mistral-sim", "provider-breaker")).extracting(a -> a.path("state").asText())
                .containsExactly("firing", "resolved");
        String scrape = get("/observe/metrics").body();
        assertThat(count(scrape, "provider-error-rate", "firing", "mistral-sim")).isEqualTo(1);
        assertThat(count(scrape, "provider-error-rate", "resolved", "mistral-sim")).isEqualTo(1);
        assertThat(count(scrape, "provider-breaker", "firing", "mistral-sim")).isEqualTo(1);
        // GET /api/v1/alerts lists them newest first
        List<String> listed = new ArrayList<>();
        for (JsonNode alert : json(get("/api/v1/alerts")).path("alerts")) {
            if (alert.path("provider").asText().equals("mistral-sim")) {
                listed.add(alert.path("type").asText() + " " + alert.path("state").asText());
            }
        }
        assertThat(listed).hasSize(4).startsWith("provider-error-rate resolved", "provider-breaker resolved");
        assertThat(listed.subList(2, 4)).containsExactlyInAnyOrder("provider-error-rate firing", "provider-breaker firing");
    }

    @Test
    void should_fire_the_latency_alert_of_a_slow_provider_and_resolve_it_when_it_is_fast_again() {
        // given: gemini-sim answers in 400 ms, over its 300 ms p95 threshold
        simulator().script("gemini-sim", SimScript.builder().latencyMs(400).build());

        // when
        for (int i = 0; i < 4; i++) {
            assertThat(ask("gemini-sim").statusCode()).isEqualTo(200);
        }

        // then
        await().atMost(WAIT).until(() -> firing("gemini-sim").size() == 1);
        JsonNode slow = delivered("gemini-sim", "provider-latency").get(0);
        assertThat(slow.path("state").asText()).isEqualTo("firing");
        assertThat(slow.path("p95Ms").asLong()).isGreaterThanOrEqualTo(400);
        assertThat(slow.path("thresholdMs").asLong()).isEqualTo(300);
        assertThat(slow.path("message").asText()).contains("gemini-sim", "p95 latency", "threshold 300 ms");

        // when: fast again, for far more calls than the slow ones (95 % of the window fast)
        simulator().reset();
        for (int i = 0; i < 100; i++) {
            assertThat(ask("gemini-sim").statusCode()).isEqualTo(200);
        }

        // then
        await().atMost(WAIT).until(() -> firing("gemini-sim").isEmpty());
        assertThat(delivered("gemini-sim", "provider-latency")).extracting(a -> a.path("state").asText())
                .containsExactly("firing", "resolved");
        assertThat(count(get("/observe/metrics").body(), "provider-latency", "resolved", "gemini-sim")).isEqualTo(1);
    }

    @Test
    void should_count_and_list_alerts_their_endpoint_could_not_take_and_fail_no_request() {
        // given: an alert endpoint that fails (a webhook that is down)
        MockEndpoint endpoint = getMockEndpoint("mock:delivered-alerts");
        endpoint.whenAnyExchangeReceived(exchange -> {
            throw new IllegalStateException("webhook down");
        });
        try {
            // when: openai-sim's breaker opens, and a call passes a budget threshold
            breaker("openai-sim").transitionToOpenState();
            HttpResponse<String> call = post("/api/v1/complete", request(Map.of("prompt", "Hello there",
                    "provider", "anthropic-sim", "maxTokens", 5)));

            // then: the call is answered, and both alerts are raised, counted and listed all the same
            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            await().atMost(WAIT).until(() -> firing("openai-sim").size() == 1);
            assertThat(count(get("/observe/metrics").body(), "provider-breaker", "firing", "openai-sim")).isEqualTo(1);
            JsonNode budget = json(get("/api/v1/alerts")).path("alerts").findParent("budget");
            assertThat(budget).isNotNull();
            assertThat(budget.path("type").asText()).isEqualTo("budget-threshold");
            assertThat(budget.path("budget").asText()).isEqualTo("alerting");
            assertThat(budget.path("threshold").asInt()).isEqualTo(1);
        } finally {
            endpoint.whenAnyExchangeReceived(exchange -> { });
        }

        // and the checks go on: the breaker's closing is raised and delivered
        breaker("openai-sim").transitionToClosedState();
        await().atMost(WAIT).until(() -> firing("openai-sim").isEmpty());
        await().atMost(WAIT).until(() -> delivered("openai-sim", "provider-breaker").stream()
                .anyMatch(alert -> alert.path("state").asText().equals("resolved")));
    }

    @Test
    void should_answer_400_naming_a_bad_limit() {
        // when
        HttpResponse<String> response = get("/api/v1/alerts?limit=many");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("field").asText()).isEqualTo("limit");
        assertThat(json(get("/api/v1/alerts?limit=1")).path("alerts").size()).isLessThanOrEqualTo(1);
    }

    private HttpResponse<String> ask(String provider) {
        return post("/api/v1/complete", request(Map.of("prompt", "Hello there", "provider", provider)));
    }

    private List<JsonNode> firing(String provider) {
        List<JsonNode> firing = new ArrayList<>();
        for (JsonNode alert : json(get("/api/v1/alerts")).path("firing")) {
            if (alert.path("provider").asText().equals(provider)) {
                firing.add(alert);
            }
        }
        return firing;
    }

    /** The events the alert endpoint received for the provider and type, in order. */
    private List<JsonNode> delivered(String provider, String type) {
        MockEndpoint endpoint = getMockEndpoint("mock:delivered-alerts");
        List<JsonNode> events = new ArrayList<>();
        for (Exchange exchange : endpoint.getExchanges()) {
            try {
                JsonNode event = JSON.readTree(exchange.getMessage().getBody(String.class));
                if (event.path("provider").asText().equals(provider) && event.path("type").asText().equals(type)) {
                    events.add(event);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    private static long count(String scrape, String type, String state, String provider) {
        Matcher line = Pattern.compile("(?m)^quorum_alerts_total\\{([^}]*)} (\\S+)$").matcher(scrape);
        long total = 0;
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("type=\"" + type + "\"") && labels.contains("state=\"" + state + "\"")
                    && labels.contains("provider=\"" + provider + "\"")) {
                total += (long) Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private CircuitBreaker breaker(String provider) {
        return context.getRegistry().lookupByNameAndType(provider + "CircuitBreaker", CircuitBreaker.class);
    }
}
