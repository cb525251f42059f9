package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /observe/health}: liveness says whether Quorum itself runs, readiness adds one check per provider, which is
 * DOWN while that provider's circuit breaker is open.
 */
class HealthTest extends QuorumTestSupport {

    @AfterEach
    void closeBreakers() {
        breaker("mistral-sim").transitionToClosedState();
    }

    @Test
    void should_be_live_and_ready_with_every_provider_up() {
        // when
        HttpResponse<String> live = get("/observe/health/live");
        HttpResponse<String> ready = get("/observe/health/ready?exposureLevel=full");

        // then
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(json(live).path("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        Map<String, String> checks = checks(json(ready));
        assertThat(checks).containsEntry("provider-mistral-sim", "UP").containsEntry("provider-openai-sim", "UP")
                .containsEntry("provider-anthropic-sim", "UP").containsEntry("provider-gemini-sim", "UP")
                .containsEntry("provider-ollama-sim", "UP");
    }

    @Test
    void should_report_a_provider_down_while_its_breaker_is_open_and_stay_live() {
        // given
        breaker("mistral-sim").transitionToOpenState();

        // when
        HttpResponse<String> ready = get("/observe/health/ready?exposureLevel=full&data=true");
        HttpResponse<String> live = get("/observe/health/live");

        // then
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        JsonNode body = json(ready);
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        Map<String, String> checks = checks(body);
        assertThat(checks).containsEntry("provider-mistral-sim", "DOWN").containsEntry("provider-gemini-sim", "UP");
        assertThat(ready.body()).contains("circuit breaker open");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("provider-mistral-sim");

        // when the breaker closes again
        breaker("mistral-sim").transitionToClosedState();

        // then
        assertThat(checks(json(get("/observe/health/ready?exposureLevel=full")))).containsEntry("provider-mistral-sim", "UP");
    }

    private static Map<String, String> checks(JsonNode health) {
        Map<String, String> checks = new HashMap<>();
        for (JsonNode check : health.path("checks")) {
            checks.put(check.path("name").asText(), check.path("status").asText());
        }
        return checks;
    }

    private CircuitBreaker breaker(String provider) {
        return context.getRegistry().lookupByNameAndType(provider + "CircuitBreaker", CircuitBreaker.class);
    }
}
