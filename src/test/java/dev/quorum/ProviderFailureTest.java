package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing or hanging provider yields a clear JSON error with the provider's status, within its timeout. */
class ProviderFailureTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        // one attempt per request: these tests are about how a single failure reads; retries have their own test
        // (dev.quorum.routing.ProviderResilienceTest)
        return Map.of("quorum.simulator.provider.mistral-sim.timeout-ms", "800",
                "quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_report_a_provider_500_as_502_with_the_providers_status() {
        // given
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"openai-sim\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("provider_error");
        assertThat(error.path("provider").asText()).isEqualTo("openai-sim");
        assertThat(error.path("providerStatus").asInt()).isEqualTo(500);
        assertThat(error.path("message").asText()).contains("openai-sim").contains("500");
        assertThat(json(response).path("responses").get(0).path("error").path("providerStatus").asInt()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    @Test
    void should_pass_a_rate_limit_through_as_429() {
        // given
        simulator().script("anthropic-sim", SimScript.builder().errorRate(1.0).errorStatus(429).retryAfterSeconds(7).build());

        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"anthropic-sim\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("provider_rate_limited");
    }

    @Test
    void should_cut_a_hanging_provider_at_its_configured_timeout() {
        // given
        simulator().script("mistral-sim", SimScript.builder().hang(true).build());
        long started = System.nanoTime();

        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"mistral-sim\"}");

        // then
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("provider_timeout");
        assertThat(error.path("message").asText()).contains("800 ms");
        assertThat(elapsedMillis).isBetween(700L, 15_000L);
    }

    @Test
    void should_recover_once_the_provider_answers_again() {
        // given
        simulator().script("gemini-sim", SimScript.builder().failNext(1).errorStatus(503).defaultAnswer("back").build());

        // when
        HttpResponse<String> failed = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"gemini-sim\"}");
        HttpResponse<String> answered = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"gemini-sim\"}");

        // then
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(failed).path("error").path("providerStatus").asInt()).isEqualTo(503);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(json(answered).path("answer").asText()).isEqualTo("back");
    }
}
