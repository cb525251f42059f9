package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * One request per provider wire format through {@code POST /api/v1/complete}: the real LangChain4j client of each
 * kind talks to the simulator over HTTP, and the result's tokens and cost are the simulator's reported usage priced
 * from the catalog.
 */
class CompletionRoundTripTest extends QuorumTestSupport {

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_answer_through_each_provider_wire_format_with_reported_usage_and_cost(String provider) {
        // given
        simulator().script(provider, SimScript.builder()
                .rule(Pattern.compile("(?i)largest planet"), "Jupiter is the largest planet in the solar system.")
                .build());
        ProviderSpec spec = context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class).get(provider);

        // when
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of(
                "prompt", "Which is the largest planet of the solar system?", "provider", provider, "id", "rt-" + provider)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        List<SimCall> calls = simulator().calls(provider);
        assertThat(calls).hasSize(1);
        SimCall call = calls.get(0);
        assertThat(call.prompt()).contains("largest planet");
        assertThat(result.path("id").asText()).isEqualTo("rt-" + provider);
        assertThat(result.path("mode").asText()).isEqualTo("single");
        assertThat(result.path("answer").asText()).isEqualTo("Jupiter is the largest planet in the solar system.");
        assertThat(result.path("provider").asText()).isEqualTo(provider);
        assertThat(result.path("model").asText()).isEqualTo(spec.model());
        assertThat(result.path("inputTokens").asInt()).isEqualTo(call.inputTokens()).isPositive();
        assertThat(result.path("outputTokens").asInt()).isEqualTo(call.outputTokens()).isPositive();
        double expectedCost = (call.inputTokens() * spec.pricing().inputPerMillion()
                + call.outputTokens() * spec.pricing().outputPerMillion()) / 1_000_000d;
        assertThat(result.path("costUsd").asDouble()).isCloseTo(expectedCost, within(1e-12));
        assertThat(result.path("latencyMs").isIntegralNumber()).isTrue();
        assertThat(result.path("responses")).hasSize(1);
        assertThat(result.has("error")).isFalse();
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rt-" + provider);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/complete:single", "/api/v1/consensus:consensus"})
    void should_answer_json_that_curl_d_labelled_as_a_form(String endpoint) throws Exception {
        // given: curl -d sends the JSON body as application/x-www-form-urlencoded
        String path = endpoint.substring(0, endpoint.indexOf(':'));
        String mode = endpoint.substring(endpoint.indexOf(':') + 1);

        // when
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"What is the capital of France?\"}")).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("mode").asText()).isEqualTo(mode);
        assertThat(json(response).path("answer").asText()).contains("Paris");
    }

    @Test
    void should_use_the_best_provider_by_quality_when_the_request_names_none() {
        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"What is the capital of France?\"}");

        // then: anthropic-sim has the highest configured quality (0.82) of the simulated providers
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("provider").asText()).isEqualTo("anthropic-sim");
        assertThat(result.path("answer").asText()).isEqualTo("The capital of France is Paris.");
        assertThat(result.path("id").asText()).isNotBlank();
    }

    @Test
    void should_pass_the_requests_system_prompt_and_max_tokens_to_the_provider() {
        // when
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of(
                "prompt", "Say hello", "system", "You are terse.", "provider", "openai-sim", "maxTokens", 7)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SimCall call = simulator().calls("openai-sim").get(0);
        assertThat(call.prompt()).contains("Say hello");
        assertThat(call.inputTokens()).isEqualTo(SimScript.tokens("You are terse.") + SimScript.tokens("Say hello"));
        assertThat(call.maxTokens()).isEqualTo(7);
    }

    @Test
    void should_list_providers_without_their_keys() {
        // when
        HttpResponse<String> response = get("/api/v1/providers");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode providers = json(response);
        assertThat(providers.findValuesAsText("id")).contains("openai", "anthropic", "openai-sim", "ollama-sim");
        assertThat(response.body()).doesNotContain("apiKey").doesNotContain("\"simulated\":\"");
        for (JsonNode provider : providers) {
            if (provider.path("id").asText().equals("openai")) {
                assertThat(provider.path("enabled").asBoolean()).isFalse();
                assertThat(provider.path("disabledReason").asText()).contains("OPENAI_API_KEY");
            }
        }
    }
}
