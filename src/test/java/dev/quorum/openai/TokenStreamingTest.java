package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.quorum.QuorumTestSupport;
import dev.quorum.StreamedChat;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token streaming of single-provider requests ({@code stream: true} with a provider id or {@code quorum/route}):
 * the provider's own stream reaches the caller piece by piece while the provider is still answering, through the
 * provider route's breaker and retries and the router's fallback loop; a stream that breaks after its first token
 * ends with an explicit error event and {@code [DONE]}, and no other provider is asked.
 */
class TokenStreamingTest extends QuorumTestSupport {

    private static final String ANSWER = "Paris is the capital of France and sits on the river Seine in the north.";
    private static final List<String> SIMULATED = List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim",
            "ollama-sim");

    @Override
    protected Map<String, String> overrides() {
        // two attempts with a short backoff, so a retry before the first byte is cheap to show; a short timeout for
        // the provider that hangs
        return Map.of("quorum.routing.retry.max-attempts", "2", "quorum.routing.retry.initial-delay-ms", "10",
                "quorum.routing.retry.jitter", "0", "quorum.simulator.provider.ollama-sim.timeout-ms", "600");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    /** A streamed chat completion for openai-sim, sent with the JDK client to read the raw events. */
    private HttpRequest streamedOpenAiSimChat() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"openai-sim","stream":true,"messages":[{"role":"user","content":"Where is Paris?"}]}"""))
                .build();
    }

    @Test
    void should_give_langchain4j_streaming_client_the_providers_tokens_with_usage() throws Exception {
        // given
        simulator().script("openai-sim", SimScript.builder().defaultAnswer(ANSWER).build());

        // when
        StreamedChat chat = StreamedChat.ask(StreamedChat.client(port, "openai-sim"), "Where is Paris?");
        List<String> partials = chat.partials();
        CompletableFuture<ChatResponse> done = chat.done();
        ChatResponse response = done.get(10, TimeUnit.SECONDS);

        // then: one partial per piece the simulated provider streamed (a word each), joined the provider's answer
        SimCall call = simulator().calls("openai-sim").get(0);
        assertThat(partials).hasSize(ANSWER.split(" ").length);
        assertThat(String.join("", partials)).isEqualTo(call.answer()).isEqualTo(ANSWER);
        assertThat(response.aiMessage().text()).isEqualTo(ANSWER);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(call.inputTokens());
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(call.outputTokens());
    }

    @Test
    void should_send_the_first_token_while_the_provider_is_still_streaming() throws Exception {
        // given: the provider waits 100 ms between its pieces (about 1.3 s for the whole answer)
        simulator().script("openai-sim", SimScript.builder().defaultAnswer(ANSWER).streamChunkDelayMs(100).build());
        HttpRequest request = streamedOpenAiSimChat();

        // when: each line is stamped as the client reads it off the socket
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        List<Instant> contentArrivals = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        String last = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    continue;
                }
                last = line;
                if (!line.equals("data: [DONE]")) {
                    JsonNode delta = JSON.readTree(line.substring("data: ".length())).path("choices").path(0).path("delta");
                    if (!delta.path("content").asText("").isEmpty()) {
                        contentArrivals.add(Instant.now());
                        content.append(delta.path("content").asText());
                    }
                }
            }
        }

        // then: the first piece was read long before the provider finished (it logs its call after its last byte)
        SimCall call = simulator().calls("openai-sim").get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(content).hasToString(ANSWER);
        assertThat(contentArrivals).hasSize(ANSWER.split(" ").length);
        assertThat(contentArrivals.get(0)).isBefore(call.at().minusMillis(400));
        assertThat(Duration.between(contentArrivals.get(0), contentArrivals.get(contentArrivals.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(last).isEqualTo("data: [DONE]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai-sim", "anthropic-sim", "gemini-sim", "ollama-sim", "mistral-sim"})
    void should_stream_each_wire_format_token_by_token_with_its_usage(String provider) {
        // given
        simulator().script(provider, SimScript.builder().defaultAnswer(ANSWER).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"%s","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Where is Paris?"}]}""".formatted(provider));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> chunks = events(response.body());
        List<String> pieces = contents(chunks);
        SimCall call = simulator().calls(provider).get(0);
        assertThat(pieces).hasSize(ANSWER.split(" ").length);
        assertThat(String.join("", pieces)).isEqualTo(ANSWER);
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.path("quorum").path("provider").asText()).isEqualTo(provider);
        assertThat(finish.path("quorum").path("responses").get(0).path("outputTokens").asInt())
                .isEqualTo(call.outputTokens());
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(call.inputTokens());
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(call.outputTokens());
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void should_retry_a_provider_that_fails_before_its_first_token_and_stream_the_retry() {
        // given
        simulator().script("anthropic-sim", SimScript.builder().defaultAnswer(ANSWER).failNext(1).errorStatus(503)
                .retryAfterSeconds(0).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"anthropic-sim","stream":true,"messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(String.join("", contents(events(response.body())))).isEqualTo(ANSWER);
        assertThat(simulator().calls("anthropic-sim")).extracting(SimCall::status).containsExactly(503, 200);
    }

    @Test
    void should_stream_the_fallback_provider_when_the_first_fails_before_its_first_token() {
        // given: the cheapest provider (ollama-sim, free) answers 500 before any byte
        simulator().script("ollama-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());
        for (String provider : SIMULATED) {
            if (!provider.equals("ollama-sim")) {
                simulator().script(provider, SimScript.builder().defaultAnswer(ANSWER + " (" + provider + ")").build());
            }
        }

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"quorum/route","stream":true,"quorum":{"priority":"cost"},
                 "messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then: the fallback's own stream, one chunk per piece it sent
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> chunks = events(response.body());
        JsonNode quorum = chunks.get(chunks.size() - 1).path("quorum");
        String answeredBy = quorum.path("provider").asText();
        assertThat(answeredBy).isNotEqualTo("ollama-sim");
        assertThat(quorum.path("route").path("fallbacksUsed")).isNotEmpty();
        String expected = ANSWER + " (" + answeredBy + ")";
        assertThat(contents(chunks)).hasSize(expected.split(" ").length);
        assertThat(String.join("", contents(chunks))).isEqualTo(expected);
        assertThat(simulator().calls("ollama-sim")).extracting(SimCall::status).containsOnly(500);
        assertThat(simulator().calls(answeredBy)).hasSize(1);
        assertThat(chunks).noneMatch(chunk -> chunk.has("error"));
    }

    @Test
    void should_fall_back_when_the_first_provider_hangs_before_its_first_token() {
        // given
        simulator().script("ollama-sim", SimScript.builder().hang(true).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"quorum/route","stream":true,"quorum":{"priority":"cost"},
                 "messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> chunks = events(response.body());
        JsonNode quorum = chunks.get(chunks.size() - 1).path("quorum");
        assertThat(quorum.path("provider").asText()).isNotEqualTo("ollama-sim");
        assertThat(quorum.path("responses").get(0).path("error").path("type").asText()).isEqualTo("provider_timeout");
        assertThat(String.join("", contents(chunks))).isEqualTo(simulator().calls(quorum.path("provider").asText())
                .get(0).answer());
    }

    @Test
    void should_end_a_stream_broken_mid_way_with_an_error_event_and_ask_no_other_provider() {
        // given: the cheapest provider cuts its connection after 30 characters of its answer
        simulator().script("ollama-sim", SimScript.builder().defaultAnswer(ANSWER).streamBreakAfterChars(30).build());
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("ollama-simCircuitBreaker", CircuitBreaker.class);
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"quorum/route","stream":true,"quorum":{"priority":"cost"},
                 "messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then: the 200 and the first tokens had left; the stream ends with an error event, then [DONE]
        assertThat(response.body()).contains("\n\nevent: error\ndata: {\"error\":{");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> chunks = events(response.body());
        assertThat(String.join("", contents(chunks))).isEqualTo(ANSWER.substring(0, 30));
        JsonNode error = chunks.get(chunks.size() - 1).path("error");
        assertThat(error.path("code").asText()).isEqualTo("provider_stream_broken");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("message").asText()).contains("ollama-sim").contains("30 characters");
        assertThat(chunks.get(chunks.size() - 1).path("quorum").path("responses")).hasSize(1);
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        // counted by the provider's circuit breaker, neither retried (two attempts are allowed) nor handed on
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore + 1);
        assertThat(simulator().calls("ollama-sim")).hasSize(1);
        assertThat(simulator().calls("ollama-sim").get(0).answer()).isEqualTo(ANSWER.substring(0, 30));
        for (String other : SIMULATED) {
            if (!other.equals("ollama-sim")) {
                assertThat(simulator().calls(other)).as(other).isEmpty();
            }
        }
    }

    @Test
    void should_raise_a_broken_stream_as_an_error_in_langchain4j_streaming_client() throws Exception {
        // given
        simulator().script("gemini-sim", SimScript.builder().defaultAnswer(ANSWER).streamBreakAfterChars(20).build());

        // when
        StreamedChat chat = StreamedChat.ask(StreamedChat.client(port, "gemini-sim"), "Where is Paris?");
        List<String> partials = chat.partials();
        CompletableFuture<ChatResponse> done = chat.done();

        // then: the tokens before the break, then the error, not a silently shortened answer
        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class)
                .hasMessageContaining("provider_stream_broken");
        assertThat(String.join("", partials)).isEqualTo(ANSWER.substring(0, 20));
    }

    @Test
    void should_finish_and_record_the_provider_call_when_the_caller_goes_away_mid_stream() throws Exception {
        // given
        simulator().script("openai-sim", SimScript.builder().defaultAnswer(ANSWER).streamChunkDelayMs(40).build());
        HttpRequest request = streamedOpenAiSimChat();

        // when: the caller reads the first event and hangs up
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            assertThat(new String(body.readNBytes(6), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("data: ");
        }

        // then: the provider's stream still runs to its end (and is billed), and Quorum keeps serving
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> simulator().calls("openai-sim").size() == 1);
        assertThat(simulator().calls("openai-sim").get(0).answer()).isEqualTo(ANSWER);
        HttpResponse<String> next = post("/v1/chat/completions", """
                {"model":"openai-sim","stream":true,"messages":[{"role":"user","content":"Where is Paris?"}]}""");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(String.join("", contents(events(next.body())))).isEqualTo(ANSWER);
    }

    @Test
    void should_keep_answering_without_a_stream_as_one_json_body() {
        // given
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer(ANSWER).build());

        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"mistral-sim","messages":[{"role":"user","content":"Where is Paris?"}]}""");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("choices").get(0).path("message").path("content").asText()).isEqualTo(ANSWER);
    }

    /** The JSON of every {@code data:} event before {@code [DONE]}; only an error event has a name ({@code error}). */
    private static List<JsonNode> events(String body) {
        List<JsonNode> chunks = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (event.startsWith("event: ")) {
                assertThat(event).startsWith("event: error\ndata: {\"error\":");
                event = event.substring("event: error\n".length());
            }
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

    /** The non-empty content deltas, in order. */
    private static List<String> contents(List<JsonNode> chunks) {
        List<String> pieces = new ArrayList<>();
        for (JsonNode chunk : chunks) {
            String content = chunk.path("choices").path(0).path("delta").path("content").asText("");
            if (!content.isEmpty()) {
                pieces.add(content);
            }
        }
        return pieces;
    }
}
