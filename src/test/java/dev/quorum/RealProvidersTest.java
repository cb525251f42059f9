package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimScript;
import dev.quorum.sim.WireFormat;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * With a key set, the configured provider is used as a real one (here pointed at a simulator this test owns, as a
 * stand-in for the hosted API); a provider without its key is disabled with a reason that names the variable to
 * set; a reachable Ollama has its models discovered; and the built-in simulator stays off.
 */
class RealProvidersTest extends QuorumTestSupport {

    private static final String KEY = "sk-test-0123456789abcdef";

    private final ProviderSimulator upstream = startUpstream();

    private static ProviderSimulator startUpstream() {
        ProviderSimulator simulator = ProviderSimulator.start(0);
        simulator.script("openai", SimScript.builder().defaultAnswer("a real-looking answer").build());
        simulator.script("local", SimScript.builder().models(List.of("llama3.2:3b")).defaultAnswer("local answer").build());
        return simulator;
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of(
                "quorum.provider.openai.api-key", KEY,
                "quorum.provider.openai.base-url", upstream.baseUrl("openai", WireFormat.OPENAI),
                "quorum.ollama.discovery-enabled", "true",
                "quorum.ollama.base-url", upstream.baseUrl("local", WireFormat.OLLAMA));
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void should_use_a_provider_whose_key_is_set() {
        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"openai\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("answer").asText()).isEqualTo("a real-looking answer");
        assertThat(upstream.calls("openai")).hasSize(1);
        assertThat(response.body()).doesNotContain(KEY);
    }

    @Test
    void should_disable_a_provider_without_key_and_say_which_variable_to_set() {
        // given: the test support blanks a key found in the environment, which the reason then cannot name
        assumeTrue(System.getenv("ANTHROPIC_API_KEY") == null, "ANTHROPIC_API_KEY is set in this environment");

        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"anthropic\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("provider_disabled");
        assertThat(error.path("field").asText()).isEqualTo("provider");
        assertThat(error.path("message").asText()).contains("anthropic").contains("ANTHROPIC_API_KEY");
    }

    @Test
    void should_discover_ollama_models_and_answer_with_them() {
        // when
        HttpResponse<String> response = post("/api/v1/complete", "{\"prompt\":\"hello\",\"provider\":\"ollama-llama3-2-3b\"}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("answer").asText()).isEqualTo("local answer");
        assertThat(result.path("model").asText()).isEqualTo("llama3.2:3b");
        assertThat(result.path("costUsd").asDouble()).isZero();
    }

    @Test
    void should_not_start_the_simulator_when_a_real_provider_is_enabled() {
        // when
        HttpResponse<String> providers = get("/api/v1/providers");

        // then
        assertThat(simulator()).isNull();
        assertThat(providers.body()).doesNotContain("openai-sim").doesNotContain(KEY);
    }
}
