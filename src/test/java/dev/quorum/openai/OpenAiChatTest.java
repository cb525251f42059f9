package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat contract on {@code /v1/chat/completions}: LangChain4j's own OpenAI client calls tools, sends their results
 * and asks for JSON schema output through Quorum as it would through OpenAI; tool calls stream as OpenAI streams
 * them; bad chat input is a 400 naming the field, and an unknown path under {@code /v1/} is an OpenAI-shaped 404.
 */
class OpenAiChatTest extends QuorumTestSupport {

    private static final ToolSpecification WEATHER = ToolSpecification.builder().name("get_weather")
            .description("The weather in a city")
            .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
        for (String provider : List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim", "ollama-sim")) {
            simulator().script(provider, SimScript.builder().toolCallArguments("{\"city\":\"Paris\"}").build());
        }
    }

    private OpenAiChatModel client(String model) {
        return OpenAiChatModel.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("not-checked")
                .modelName(model).maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "quorum/route", "quorum/consensus"})
    void should_give_an_openai_client_a_required_tool_call_and_answer_after_its_result(String model) {
        // given
        UserMessage question = UserMessage.from("What is the weather in Paris?");

        // when
        ChatResponse first = client(model).chat(ChatRequest.builder().messages(question)
                .toolSpecifications(WEATHER).toolChoice(ToolChoice.REQUIRED).build());

        // then
        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(call.id()).isNotBlank();

        // when
        ChatResponse second = client(model).chat(ChatRequest.builder()
                .messages(question, first.aiMessage(), ToolExecutionResultMessage.from(call, "sunny, 21 degrees"))
                .toolSpecifications(WEATHER).build());

        // then
        assertThat(second.aiMessage().text()).contains("sunny, 21 degrees");
        assertThat(second.aiMessage().hasToolExecutionRequests()).isFalse();
    }

    @Test
    void should_give_an_openai_client_json_matching_its_schema() throws Exception {
        // given
        JsonSchema schema = JsonSchema.builder().name("person").rootElement(JsonObjectSchema.builder()
                .addStringProperty("name").addIntegerProperty("age").required("name", "age").build()).build();

        // when
        ChatResponse response = client("anthropic-sim").chat(ChatRequest.builder()
                .messages(UserMessage.from("Extract: Ada Lovelace, 36."))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                .build());

        // then
        JsonNode answer = JSON.readTree(response.aiMessage().text());
        assertThat(answer.path("name").isTextual()).isTrue();
        assertThat(answer.path("age").isInt()).isTrue();
        SimCall call = simulator().calls("anthropic-sim").get(0);
        assertThat(call.request().json()).isTrue();
        assertThat(call.request().schema().path("required")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_stream_a_tool_call_as_openai_does(String provider) {
        // given
        simulator().script(provider, SimScript.builder().toolCallName("get_weather")
                .toolCallArguments("{\"city\":\"Paris\"}").build());

        // when: each provider's streaming client reads the tool call from its own stream format
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"%s","stream":true,"tool_choice":"auto",
                 "messages":[{"role":"user","content":"Weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}""".formatted(provider));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(simulator().calls(provider).get(0).toolCalls()).containsExactly("get_weather");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> chunks = response.body().lines().filter(line -> line.startsWith("data: {"))
                .map(line -> json(line.substring(6))).toList();
        JsonNode call = chunks.stream().map(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls"))
                .filter(JsonNode::isArray).findFirst().orElseThrow().get(0);
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunks).anySatisfy(chunk -> assertThat(chunk.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("tool_calls"));
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\":\"x\",\"tools\":[{\"description\":\"no name\"}]}                                  | tools[0].name",
            "{\"prompt\":\"x\",\"responseFormat\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"array\"}}} | responseFormat.schema",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"file:///etc/passwd\"}]}]} | messages[0].content[0].url",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\",\"toolCallId\":\"c9\",\"content\":\"y\"}]} | messages[1].toolCallId"})
    void should_refuse_bad_chat_input_naming_the_field(String body, String field) {
        // when
        HttpResponse<String> response = post("/api/v1/complete", body);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("field").asText()).isEqualTo(field);
        assertThat(json(response).path("error").path("message").asText()).contains(field);
        assertThat(simulator().received("openai-sim")).isZero();
    }

    @Test
    void should_name_the_openai_parameter_of_bad_chat_input() {
        // when
        HttpResponse<String> image = post("/v1/chat/completions", """
                {"model":"openai-sim","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"ftp://example.com/cat.png"}}]}]}""");
        HttpResponse<String> orphan = post("/v1/chat/completions", """
                {"model":"openai-sim","messages":[{"role":"user","content":"x"},
                  {"role":"tool","tool_call_id":"call_9","content":"y"}]}""");

        // then
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(json(image).path("error").path("param").asText()).isEqualTo("messages[0].content[0].image_url.url");
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(json(orphan).path("error").path("param").asText()).isEqualTo("messages[1].tool_call_id");
    }

    @Test
    void should_route_an_image_to_a_provider_that_can_see_and_refuse_one_that_cannot_with_422() {
        // given: ollama-sim is configured without the capability vision
        String image = """
                [{"role":"user","content":[{"type":"text","text":"What is this?"},
                  {"type":"image_url","image_url":{"url":"%s"}}]}]""".formatted(dev.quorum.ChatContractTest.PNG);

        // when
        HttpResponse<String> pinned = post("/v1/chat/completions",
                "{\"model\":\"ollama-sim\",\"messages\":" + image + "}");
        HttpResponse<String> routed = post("/v1/chat/completions",
                "{\"model\":\"quorum/route\",\"quorum\":{\"priority\":\"cost\"},\"messages\":" + image + "}");

        // then
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(422);
        assertThat(json(pinned).path("error").path("param").asText()).isEqualTo("messages");
        assertThat(json(pinned).path("error").path("message").asText()).contains("'vision'").contains("ollama-sim");
        assertThat(simulator().received("ollama-sim")).isZero();
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
        String chosen = json(routed).path("quorum").path("provider").asText();
        assertThat(chosen).isIn("openai-sim", "anthropic-sim", "gemini-sim");
        assertThat(simulator().calls(chosen).get(0).request().images()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_required_tool_call_to_a_provider_kind_that_cannot_be_made_to_call_one_with_422() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"ollama-sim","tool_choice":"required","messages":[{"role":"user","content":"Weather?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather"}}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).path("error").path("param").asText()).isEqualTo("tool_choice");
        assertThat(simulator().received("ollama-sim")).isZero();
    }

    @Test
    void should_answer_an_unknown_path_under_v1_with_an_openai_json_404() {
        // when
        HttpResponse<String> response = post("/v1/responses", "{\"model\":\"openai-sim\",\"input\":\"hi\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(json(response).path("error").path("message").asText()).contains("/v1/responses");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
