package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The automatic panel takes the best providers by quality, skipping one whose circuit breaker is open. */
class ConsensusPanelSelectionTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.routing.breaker.openai-sim.sliding-window-size", "2",
                "quorum.routing.breaker.openai-sim.minimum-number-of-calls", "2",
                "quorum.routing.breaker.openai-sim.wait-in-open-state-ms", "60000",
                "quorum.routing.retry.openai-sim.max-attempts", "1");
    }

    @Test
    void should_skip_a_provider_with_an_open_breaker_when_choosing_the_panel() {
        // given: openai-sim fails twice, which opens its breaker
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/v1/complete", "{\"prompt\":\"hi\",\"provider\":\"openai-sim\"}").statusCode()).isEqualTo(502);
        }

        // when
        HttpResponse<String> response = post("/api/v1/consensus", "{\"prompt\":\"What is the capital of France?\"}");

        // then: the next best three by quality instead of anthropic-sim, openai-sim, gemini-sim
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactly("anthropic-sim", "gemini-sim", "mistral-sim");
        assertThat(simulator().calls("openai-sim")).hasSize(2);
    }
}
