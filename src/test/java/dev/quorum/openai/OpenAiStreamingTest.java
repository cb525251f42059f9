package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.quorum.QuorumTestSupport;
import dev.quorum.StreamedChat;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code stream: true}: the answer as OpenAI {@code chat.completion.chunk} events ending with {@code data: [DONE]},
 * read by LangChain4j's streaming OpenAI client and by hand ({@link TokenStreamingTest} shows it is token by token);
 * a provider that fails before the first byte falls back like a non-streamed call, and a request no provider can
 * answer gets a JSON error, not a stream.
 */
class OpenAiStreamingTest extends QuorumTestSupport {

    private static final String LONG_ANSWER = "Paris is the capital of France, on the Seine, with about two million "
            + "people in the city proper and more than twelve million in its metropolitan area.";

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void should_stream_the_answer_to_langchain4j_streaming_openai_client() throws Exception {
        // given
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer(LONG_ANSWER).build());

        // when
        StreamedChat chat = StreamedChat.ask(StreamedChat.client(port, "gemini-sim"), "Tell me about Paris");
        List<String> partials = chat.partials();
        CompletableFuture<ChatResponse> done = chat.done();
        ChatResponse response = done.get(10, TimeUnit.SECONDS);

        // then
        SimCall call = simulator().calls("gemini-sim").get(0);
        assertThat(partials).hasSizeGreaterThan(3);
        assertThat(String.join("", partials)).isEqualTo(LONG_ANSWER);
        assertThat(response.aiMessage().text()).isEqualTo(LONG_ANSWER);
        assertThat(response.finishReason()).hasToString("STOP");
        assertThat(response.tokenUsage()).isNotNull();
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(call.inputTokens());
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(call.outputTokens());
    }

    @Test
    void should_write_chunks_with_quorum_details_and_end_with_done() {
        // given
        simulator().script("openai-sim", SimScript.builder().defaultAnswer(LONG_ANSWER).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"openai-sim","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Tell me about Paris"}]}""");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> chunks = events(response.body());
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        String id = chunks.get(0).path("id").asText();
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo(id);
            assertThat(chunk.path("model").asText()).isEqualTo("openai-sim");
            if (chunk.path("choices").size() > 0) {
                content.append(chunk.path("choices").get(0).path("delta").path("content").asText(""));
            }
        }
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(content).hasToString(LONG_ANSWER);
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("quorum").path("provider").asText()).isEqualTo("openai-sim");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        SimCall call = simulator().calls("openai-sim").get(0);
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(call.outputTokens());
    }

    @Test
    void should_fall_back_before_the_first_byte_when_the_first_provider_fails() {
        // given: the cheapest provider (ollama-sim, free) fails; the router falls back to the next cheapest
        simulator().script("ollama-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"quorum/route","stream":true,"quorum":{"priority":"cost"},
                 "messages":[{"role":"user","content":"What is the capital of France?"}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = events(response.body());
        JsonNode quorum = chunks.get(chunks.size() - 1).path("quorum");
        assertThat(quorum.path("route").path("provider").asText()).isEqualTo("ollama-sim");
        assertThat(quorum.path("route").path("fallbacksUsed")).isNotEmpty();
        String answeredBy = quorum.path("provider").asText();
        assertThat(answeredBy).isNotEqualTo("ollama-sim");
        assertThat(simulator().calls("ollama-sim")).hasSize(1);
        assertThat(simulator().calls(answeredBy)).hasSize(1);
        assertThat(chunks).noneMatch(chunk -> chunk.has("error"));
        assertThat(quorum.path("responses").get(0).path("error").path("providerStatus").asInt()).isEqualTo(500);
    }

    @Test
    void should_answer_a_stream_no_provider_can_serve_with_a_json_error_and_no_events() {
        // given
        simulator().script("anthropic-sim", SimScript.builder().errorRate(1.0).errorStatus(503).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"anthropic-sim","stream":true,"messages":[{"role":"user","content":"hello"}]}""");

        // then
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).doesNotContain("data:");
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("provider_error");
    }

    /** The JSON of every {@code data:} event before {@code [DONE]}. */
    private static List<JsonNode> events(String body) {
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ");
            String data = event.substring("data: ".length());
            if (!data.equals("[DONE]")) {
                try {
                    chunks.add(JSON.readTree(data));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + data, e);
                }
            }
        }
        return chunks;
    }
}
