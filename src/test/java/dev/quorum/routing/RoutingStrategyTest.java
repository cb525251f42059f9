package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each strategy and constraint against the five simulated providers, through the real routes over HTTP. The catalog
 * (application.properties): quality anthropic 0.82 > openai 0.80 > gemini 0.78 > mistral 0.70 > ollama 0.55; price
 * ollama free < mistral < openai < gemini < anthropic; only mistral-sim answers at once, the others after 100 ms.
 * Balanced weighs quality 1.0 and cost 0.5 here (latency 0), so every strategy has a different winner.
 */
class RoutingStrategyTest extends QuorumTestSupport {

    private boolean warmedUp;

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.routing.weights.quality", "1.0");
        settings.put("quorum.routing.weights.cost", "0.5");
        settings.put("quorum.routing.weights.latency", "0");
        settings.put("quorum.routing.tier.simple.primary", "gemini-sim");
        settings.put("quorum.routing.tier.simple.fallback", "ollama-sim");
        settings.put("quorum.routing.tier.code.primary", "anthropic-sim");
        settings.put("quorum.routing.tier.code.cost-sensitive", "openai-sim");
        return settings;
    }

    @BeforeEach
    void observeEveryProviderOnce() {
        if (warmedUp) {
            return;
        }
        for (String slow : new String[] {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim"}) {
            simulator().script(slow, SimScript.builder().latencyMs(100).build());
        }
        // the fastest, but never under a millisecond, so maxLatencyMs 1 excludes every provider on any machine
        simulator().script("mistral-sim", SimScript.builder().latencyMs(20).build());
        for (String provider : new String[] {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"}) {
            assertThat(post("/api/v1/complete", request(Map.of("prompt", "warm up", "provider", provider))).statusCode()).isEqualTo(200);
        }
        warmedUp = true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cost picks the cheapest                     | {"prompt":"hello there","priority":"cost"}                                  | ollama-sim    | cost
            quality picks the best                      | {"prompt":"hello there","priority":"quality"}                               | anthropic-sim | quality
            latency picks the fastest observed          | {"prompt":"hello there","priority":"latency"}                               | mistral-sim   | latency
            balanced weighs quality against cost        | {"prompt":"hello there","priority":"balanced"}                              | openai-sim    | balanced
            no priority follows the task's tier         | {"prompt":"hello there"}                                                    | gemini-sim    | tier
            cost uses the tier's cost-sensitive choice  | {"prompt":"hello there","task":"code","priority":"cost"}                    | openai-sim    | cost
            tier primary for a classified task          | {"prompt":"fix this python function please"}                                | anthropic-sim | tier
            capabilities filter before ranking          | {"prompt":"hello there","priority":"cost","capabilities":["long-context"]}  | gemini-sim    | cost
            maxCostUsd filters before ranking           | {"prompt":"hello there","priority":"quality","maxCostUsd":0.001}            | openai-sim    | quality
            maxLatencyMs filters on observed latency    | {"prompt":"hello there","priority":"quality","maxLatencyMs":60}             | mistral-sim   | quality
            a named provider is not routed              | {"prompt":"hello there","priority":"cost","provider":"gemini-sim"}          | gemini-sim    | pinned
            """)
    void should_pick_the_provider_each_strategy_ranks_first(String name, String body, String expected, String strategy) {
        // when
        HttpResponse<String> response = post("/api/v1/complete", body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("provider").asText()).as(response.body()).isEqualTo(expected);
        assertThat(result.path("route").path("provider").asText()).isEqualTo(expected);
        assertThat(result.path("route").path("strategy").asText()).isEqualTo(strategy);
        assertThat(result.path("route").path("reason").asText()).contains(expected);
    }

    @Test
    void should_record_the_decision_with_task_source_and_ordered_fallbacks() {
        // when
        JsonNode result = json(post("/api/v1/complete", "{\"prompt\":\"hello there\"}"));

        // then
        JsonNode route = result.path("route");
        assertThat(route.path("task").asText()).isEqualTo("simple");
        assertThat(route.path("taskSource").asText()).startsWith("rules:");
        assertThat(route.path("fallbacks").get(0).asText()).isEqualTo("ollama-sim");
        assertThat(route.path("fallbacks")).hasSize(2);
        assertThat(route.path("fallbacksUsed")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            classify the sentiment of this review: great value | classification | rules: keyword 'classify'
            extract the dates from: met on 3 May, left 9 June | extraction     | rules: keyword 'extract'
            What do you think about the weather in general on a long summer afternoon | reasoning | default
            """)
    void should_classify_a_request_without_a_task_by_the_configured_rules(String prompt, String task, String source) {
        // when
        JsonNode route = json(post("/api/v1/complete", request(Map.of("prompt", prompt, "priority", "cost")))).path("route");

        // then
        assertThat(route.path("task").asText()).isEqualTo(task);
        assertThat(route.path("taskSource").asText()).isEqualTo(source);
    }

    @Test
    void should_classify_a_prompt_beyond_the_long_context_threshold_as_long_context() {
        // given: 16000 tokens is about 64000 characters
        String prompt = "lorem ipsum ".repeat(5_500);

        // when
        JsonNode route = json(post("/api/v1/complete", request(Map.of("prompt", prompt, "priority", "cost")))).path("route");

        // then
        assertThat(route.path("task").asText()).isEqualTo("long-context");
        assertThat(route.path("taskSource").asText()).contains("tokens > 16000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            capabilities | {"prompt":"hi","capabilities":["audio"]}
            maxCostUsd   | {"prompt":"hi","capabilities":["code"],"maxCostUsd":0.0000001}
            maxLatencyMs | {"prompt":"hi","maxLatencyMs":1}
            prompt       | {"prompt":"hi","maxTokens":2000000}
            """)
    void should_answer_422_naming_the_constraint_that_excludes_every_provider(String constraint, String body) {
        // when
        HttpResponse<String> response = post("/api/v1/complete", body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("no_provider_fits");
        assertThat(error.path("field").asText()).isEqualTo(constraint);
        assertThat(error.path("message").asText()).contains(constraint.equals("prompt") ? "context window" : constraint);
    }
}
