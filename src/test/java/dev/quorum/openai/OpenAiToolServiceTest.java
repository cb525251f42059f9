package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agent as LangChain4j builds one: an AI service with an {@code @Tool} method, its OpenAI client pointed at
 * Quorum's {@code /v1}. The model (a routed provider, or a voting panel) asks for the tool, LangChain4j runs it and
 * sends the result back, and the model answers from it: the whole loop through Quorum.
 */
class OpenAiToolServiceTest extends QuorumTestSupport {

    interface Assistant {
        String chat(String message);
    }

    /** The tool the model calls; remembers each city it was called for. */
    static final class WeatherTools {
        final List<String> cities = new CopyOnWriteArrayList<>();

        @Tool("The current weather in a city")
        String weather(String city) {
            cities.add(city);
            return "sunny, 21 degrees in " + city;
        }
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
        for (String provider : List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim", "ollama-sim")) {
            simulator().script(provider, SimScript.builder().toolCallName("weather").build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quorum/route", "quorum/consensus"})
    void should_run_an_ai_services_tool_loop_through_quorum(String model) {
        // given
        WeatherTools tools = new WeatherTools();
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("unused")
                        .modelName(model).maxRetries(0).timeout(Duration.ofSeconds(20)).build())
                .tools(tools)
                .build();

        // when
        String answer = assistant.chat("What is the weather in Paris?");

        // then: the tool ran once and the answer is about its result
        assertThat(tools.cities).hasSize(1);
        assertThat(answer).contains("sunny, 21 degrees in " + tools.cities.get(0));
    }
}
