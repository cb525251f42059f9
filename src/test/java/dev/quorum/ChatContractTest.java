package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimRequest;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat contract through {@code POST /api/v1/complete} in every provider wire format: a conversation reaches the
 * provider as separate messages with their roles, a tool call comes back as a tool call and its result goes back as a
 * tool message, JSON schema output is a JSON object with the schema's fields, and an image part reaches the provider.
 * Each provider's real LangChain4j client writes its own wire format; the simulator reads it and records what it got.
 */
public class ChatContractTest extends QuorumTestSupport {

    /** A 1×1 PNG. */
    public static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ"
            + "DwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    static final String WEATHER_TOOL = """
            {"name":"get_weather","description":"The weather in a city",
             "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

    /** Every format is exercised with every feature here, whatever the providers' configured capabilities. */
    @Override
    protected java.util.Map<String, String> overrides() {
        return java.util.Map.of("quorum.simulator.provider.mistral-sim.capabilities", "code,json,vision",
                "quorum.simulator.provider.ollama-sim.capabilities", "local,json,vision");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_send_a_conversation_as_separate_messages_with_their_roles(String provider) {
        // when
        HttpResponse<String> response = post("/api/v1/complete", """
                {"provider":"%s","messages":[
                  {"role":"system","content":"Answer briefly."},
                  {"role":"user","content":"My name is Ada."},
                  {"role":"assistant","content":"Hello Ada."},
                  {"role":"user","content":"What is my name?"}]}""".formatted(provider));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SimCall call = onlyCall(provider);
        assertThat(call.request().roles()).containsExactly("system", "user", "assistant", "user");
        assertThat(call.request().messages()).extracting(SimRequest.Message::text)
                .containsExactly("Answer briefly.", "My name is Ada.", "Hello Ada.", "What is my name?");
        assertThat(call.prompt()).isEqualTo("What is my name?");
        assertThat(json(response).path("answer").asText()).contains("What is my name?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_return_a_tool_call_and_answer_after_its_result(String provider) throws Exception {
        // given
        simulator().script(provider, SimScript.builder().toolCallName("get_weather")
                .toolCallArguments("{\"city\":\"Paris\"}").build());

        // when
        HttpResponse<String> first = post("/api/v1/complete", """
                {"provider":"%s","messages":[{"role":"user","content":"Weather in Paris?"}],"tools":[%s]}"""
                .formatted(provider, WEATHER_TOOL));

        // then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = json(first);
        JsonNode call = result.path("toolCalls").path(0);
        assertThat(call.path("name").asText()).as(first.body()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("arguments").asText())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
        assertThat(call.path("id").asText()).isNotBlank();
        assertThat(onlyCall(provider).request().tools()).extracting(SimRequest.Tool::name).containsExactly("get_weather");

        // when
        simulator().reset();
        HttpResponse<String> second = post("/api/v1/complete", """
                {"provider":"%s","tools":[%s],"messages":[
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","toolCalls":[{"id":"%s","name":"get_weather","arguments":{"city":"Paris"}}]},
                  {"role":"tool","toolCallId":"%s","content":"sunny, 21 degrees"}]}"""
                .formatted(provider, WEATHER_TOOL, call.path("id").asText(), call.path("id").asText()));

        // then
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).path("answer").asText()).contains("sunny, 21 degrees");
        assertThat(json(second).has("toolCalls")).isFalse();
        SimRequest asked = onlyCall(provider).request();
        assertThat(asked.roles()).containsExactly("user", "assistant", "tool");
        assertThat(asked.messages().get(1).toolCalls()).containsExactly("get_weather");
        assertThat(asked.last().text()).contains("sunny, 21 degrees");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_answer_json_that_holds_the_schemas_required_fields(String provider) throws Exception {
        // when
        HttpResponse<String> response = post("/api/v1/complete", """
                {"provider":"%s","prompt":"Extract: Ada Lovelace, 36.",
                 "responseFormat":{"type":"json_schema","name":"person","schema":{"type":"object",
                   "properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}}}"""
                .formatted(provider));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(json(response).path("answer").asText());
        assertThat(answer.path("name").isTextual()).as(answer.toString()).isTrue();
        assertThat(answer.path("age").isInt()).as(answer.toString()).isTrue();
        assertThat(onlyCall(provider).request().json()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_send_an_image_part_to_the_provider(String provider) {
        // when
        HttpResponse<String> response = post("/api/v1/complete", """
                {"provider":"%s","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is in this picture?"},{"type":"image","url":"%s"}]}]}"""
                .formatted(provider, PNG));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SimCall call = onlyCall(provider);
        assertThat(call.request().images()).isEqualTo(1);
        assertThat(call.request().last().text()).isEqualTo("What is in this picture?");
        assertThat(json(response).path("inputTokens").asInt()).isEqualTo(call.inputTokens())
                .isGreaterThanOrEqualTo(85);
    }

    @Test
    void should_take_an_inline_image_far_longer_than_any_prompt() {
        // given: a 1 MB data: URL, ten times the prompt limit
        String image = "data:image/png;base64," + "A".repeat(1_000_000);

        // when
        HttpResponse<String> response = post("/api/v1/complete", """
                {"provider":"openai-sim","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is in this picture?"},{"type":"image","url":"%s"}]}]}""".formatted(image));

        // then
        assertThat(response.statusCode()).as(response.body().substring(0, Math.min(300, response.body().length())))
                .isEqualTo(200);
        assertThat(onlyCall("openai-sim").request().images()).isEqualTo(1);
    }

    @Test
    void should_never_fetch_an_image_url_inside_quorum() throws Exception {
        // given: an address only Quorum's own machine can reach, counting every request it gets
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer internal = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internal.start();
        String url = "http://127.0.0.1:" + internal.getAddress().getPort() + "/latest/meta-data/iam";
        String image = """
                [{"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image","url":"%s"}]}]"""
                .formatted(url);
        try {
            // when: pinned to kinds whose clients would download it, in a panel with one, and to one that passes it on
            HttpResponse<String> gemini = post("/api/v1/complete", "{\"provider\":\"gemini-sim\",\"messages\":" + image + "}");
            HttpResponse<String> ollama = post("/api/v1/complete", "{\"provider\":\"ollama-sim\",\"messages\":" + image + "}");
            HttpResponse<String> panel = post("/api/v1/consensus", "{\"providers\":[\"gemini-sim\",\"openai-sim\"],"
                    + "\"quorum\":1,\"messages\":" + image + "}");
            HttpResponse<String> openAi = post("/api/v1/complete", "{\"provider\":\"openai-sim\",\"messages\":" + image + "}");

            // then
            assertThat(gemini.statusCode()).as(gemini.body()).isEqualTo(422);
            assertThat(json(gemini).path("error").path("field").asText()).isEqualTo("messages");
            assertThat(ollama.statusCode()).as(ollama.body()).isEqualTo(422);
            assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);
            assertThat(json(panel).path("responses").findValuesAsText("type")).contains("provider_unsupported");
            assertThat(openAi.statusCode()).as(openAi.body()).isEqualTo(200);
            assertThat(simulator().received("gemini-sim")).isZero();
            assertThat(simulator().received("ollama-sim")).isZero();
            assertThat(fetched.get()).isZero();
        } finally {
            internal.stop(0);
        }
    }

    @Test
    void should_stream_the_native_api_as_server_sent_events_ending_with_the_result() throws Exception {
        // given
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("Paris is the capital of France.").build());

        // when
        HttpResponse<String> response = post("/api/v1/complete",
                "{\"provider\":\"openai-sim\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Capital?\"}]}");

        // then: token events as the provider sent its pieces, then the whole result
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String[]> events = events(response.body());
        List<String[]> tokens = events.stream().filter(e -> e[0].equals("token")).toList();
        assertThat(tokens).hasSizeGreaterThan(1);
        StringBuilder text = new StringBuilder();
        for (String[] token : tokens) {
            text.append(JSON.readTree(token[1]).path("text").asText());
        }
        assertThat(text).hasToString("Paris is the capital of France.");
        String[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("result");
        JsonNode result = JSON.readTree(last[1]);
        assertThat(result.path("answer").asText()).isEqualTo("Paris is the capital of France.");
        assertThat(result.path("outputTokens").asInt()).isPositive();
        assertThat(response.headers().firstValue("X-Request-Id")).contains(result.path("id").asText());
    }

    @Test
    void should_stream_a_consensus_tool_call_as_one_result_event_and_a_bad_request_as_json() throws Exception {
        // given
        for (String provider : List.of("openai-sim", "anthropic-sim")) {
            simulator().script(provider, SimScript.builder().toolCallName("get_weather")
                    .toolCallArguments("{\"city\":\"Paris\"}").build());
        }

        // when
        HttpResponse<String> panel = post("/api/v1/consensus", """
                {"stream":true,"providers":["openai-sim","anthropic-sim"],"tools":[%s],
                 "messages":[{"role":"user","content":"Weather in Paris?"}]}""".formatted(WEATHER_TOOL));
        HttpResponse<String> bad = post("/api/v1/complete", "{\"stream\":true,\"prompt\":\"hi\",\"provider\":\"nobody\"}");
        HttpResponse<String> quoted = post("/api/v1/complete",
                "{\"provider\":\"openai-sim\",\"prompt\":\"What does \\\"stream\\\":true mean?\",\"stream\":false}");

        // then
        assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);
        List<String[]> events = events(panel.body());
        assertThat(events).extracting(e -> e[0]).containsExactly("result");
        assertThat(JSON.readTree(events.get(0)[1]).path("toolCalls").path(0).path("name").asText()).isEqualTo("get_weather");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("error").path("field").asText()).isEqualTo("provider");
        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(200);
        assertThat(quoted.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    /** The events of a server-sent event stream as {name, data} pairs. */
    private static List<String[]> events(String body) {
        List<String[]> events = new java.util.ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null) {
                events.add(new String[] {name, data});
            }
        }
        return events;
    }

    private SimCall onlyCall(String provider) {
        List<SimCall> calls = simulator().calls(provider);
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
