package dev.quorum.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own behaviour: scripts, failures, hangs and its admin API, over real HTTP. (Every wire format is
 * exercised end to end through Quorum in CompletionRoundTripTest.)
 */
class ProviderSimulatorTest {

    private final ProviderSimulator simulator = ProviderSimulator.start(0);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private ChatModel openAi(String id, Duration timeout) {
        return OpenAiChatModel.builder().baseUrl(simulator.baseUrl(id, WireFormat.OPENAI)).apiKey("test")
                .modelName("gpt-sim").maxRetries(0).timeout(timeout).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path));
    }

    @Test
    void should_answer_by_the_first_matching_rule_and_report_usage() {
        // given
        simulator.script("p", SimScript.builder().rule("(?i)colou?r", "Blue.").rule(".*", "other").build());

        // when
        ChatResponse response = openAi("p", Duration.ofSeconds(5)).chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from("Favourite colour?")).build());

        // then
        assertThat(response.aiMessage().text()).isEqualTo("Blue.");
        SimCall call = simulator.calls("p").get(0);
        assertThat(call.inputTokens()).isEqualTo(SimScript.tokens("Favourite colour?"));
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(call.inputTokens());
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(SimScript.tokens("Blue."));
        assertThat(response.modelName()).isEqualTo("gpt-sim");
    }

    @Test
    void should_fail_exactly_the_next_calls_then_recover() {
        // given
        simulator.script("p", SimScript.builder().failNext(2).errorStatus(503).defaultAnswer("ok").build());
        ChatModel model = openAi("p", Duration.ofSeconds(5));

        // then
        assertThatThrownBy(() -> model.chat("a")).hasMessageContaining("simulated failure");
        assertThatThrownBy(() -> model.chat("b")).hasMessageContaining("simulated failure");
        assertThat(model.chat("c")).isEqualTo("ok");
        assertThat(simulator.calls("p")).extracting(SimCall::status).containsExactly(503, 503, 200);
    }

    @Test
    void should_send_retry_after_with_a_429() throws Exception {
        // given
        simulator.script("p", SimScript.builder().errorRate(1).errorStatus(429).retryAfterSeconds(9).build());

        // when
        HttpResponse<String> response = send(request("/p/anthropic/v1/messages")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build());

        // then
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("9");
        assertThat(json.readTree(response.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void should_hang_until_the_client_gives_up_and_still_close_promptly() {
        // given
        simulator.script("p", SimScript.builder().hang(true).build());
        long started = System.nanoTime();

        // then
        assertThatThrownBy(() -> openAi("p", Duration.ofMillis(300)).chat("hello")).isNotNull();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250L);
        assertThat(simulator.received("p")).isEqualTo(1);
        assertThat(simulator.calls("p")).as("the client gave up while the call hung").isEmpty();
        simulator.close();
        // closing ended the hang (its handler was interrupted and recorded the call) instead of leaving it for 120 s
        assertThat(simulator.calls("p")).hasSize(1);
    }

    @Test
    void should_be_scriptable_over_its_admin_api() throws Exception {
        // when
        HttpResponse<String> put = send(request("/_sim/q/script").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"rules\":[{\"pattern\":\"ping\",\"answer\":\"pong\"}],\"models\":[\"m1\"]}")).build());
        String answer = openAi("q", Duration.ofSeconds(5)).chat("ping?");
        HttpResponse<String> calls = send(request("/_sim/q/calls").GET().build());
        HttpResponse<String> tags = send(request("/q/ollama/api/tags").GET().build());
        HttpResponse<String> bad = send(request("/_sim/q/script").PUT(HttpRequest.BodyPublishers.ofString("[1]")).build());

        // then
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(answer).isEqualTo("pong");
        JsonNode recorded = json.readTree(calls.body());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("answer").asText()).isEqualTo("pong");
        assertThat(json.readTree(tags.body()).path("models").get(0).path("name").asText()).isEqualTo("m1");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("expected a JSON object");
    }

    @Test
    void should_read_a_script_from_properties_with_rules_in_order() {
        // when
        SimScript script = SimScript.fromProperties(Map.of(
                "s.x.rule.10.pattern", "b", "s.x.rule.10.answer", "second",
                "s.x.rule.2.pattern", "a", "s.x.rule.2.answer", "first",
                "s.x.latency-ms", "25", "s.x.fail-next", "1", "s.x.models", "m1, m2",
                "s.y.latency-ms", "99"), "s.x.");

        // then
        assertThat(script.rules()).extracting(SimScript.Rule::answer).containsExactly("first", "second");
        assertThat(script.answer("x", "ab")).isEqualTo("first");
        assertThat(script.latencyMs()).isEqualTo(25);
        assertThat(script.failNext()).isEqualTo(1);
        assertThat(script.models()).containsExactly("m1", "m2");
        assertThatThrownBy(() -> SimScript.fromProperties(Map.of("s.x.rule.1.pattern", "a"), "s.x."))
                .hasMessageContaining("needs both a pattern and an answer");
        assertThatThrownBy(() -> SimScript.fromProperties(Map.of("s.x.latency", "1"), "s.x."))
                .hasMessageContaining("unknown simulator setting s.x.latency");
    }

    @Test
    void should_return_to_the_baseline_scripts_on_reset() {
        // given
        simulator.script("p", SimScript.builder().defaultAnswer("configured").build());
        simulator.markBaseline();
        simulator.script("p", SimScript.builder().defaultAnswer("changed by a test").build());
        openAi("p", Duration.ofSeconds(5)).chat("x");

        // when
        simulator.reset();

        // then
        assertThat(simulator.calls("p")).isEmpty();
        assertThat(openAi("p", Duration.ofSeconds(5)).chat("x")).isEqualTo("configured");
        assertThat(List.of(simulator.script("p").defaultAnswer())).containsExactly("configured");
    }

    @Test
    void should_stream_an_openai_answer_in_pieces_with_usage_when_asked() throws Exception {
        // given
        simulator.script("p", SimScript.builder().defaultAnswer("Blue is the colour.").build());

        // when
        HttpResponse<String> response = send(request("/p/openai/v1/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"gpt-sim","stream":true,"stream_options":{"include_usage":true},
                         "messages":[{"role":"user","content":"Favourite colour?"}]}""")).build());

        // then
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        List<String> events = List.of(response.body().split("\n\n"));
        assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
        StringBuilder text = new StringBuilder();
        int pieces = 0;
        for (String event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = json.readTree(event.substring("data: ".length()));
            String content = chunk.path("choices").path(0).path("delta").path("content").asText("");
            if (!content.isEmpty()) {
                pieces++;
                text.append(content);
            }
        }
        JsonNode usage = json.readTree(events.get(events.size() - 2).substring("data: ".length())).path("usage");
        assertThat(text).hasToString("Blue is the colour.");
        assertThat(pieces).isEqualTo(4);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(SimScript.tokens("Blue is the colour."));
    }

    @Test
    void should_cut_a_stream_off_after_the_scripted_characters() throws Exception {
        // given
        simulator.script("p", SimScript.builder().defaultAnswer("Blue is the colour.").streamBreakAfterChars(6).build());
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(
                "http://127.0.0.1:" + simulator.port() + "/p/ollama/api/chat").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.getOutputStream().write("""
                {"model":"llama","stream":true,"messages":[{"role":"user","content":"Favourite colour?"}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // when: the body is read to its end
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        assertThatThrownBy(() -> connection.getInputStream().transferTo(received))
                .isInstanceOf(java.io.IOException.class);

        // then: a 200 with the first pieces, then an abrupt end (no final chunk, no done line)
        assertThat(connection.getResponseCode()).isEqualTo(200);
        String lines = received.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines).contains("\"content\":\"Blue \"").contains("\"content\":\"i\"").doesNotContain("\"done\":true");
        assertThat(simulator.calls("p")).extracting(SimCall::answer).containsExactly("Blue i");
    }

    @Test
    void should_trickle_an_answer_one_byte_at_a_time_and_notice_a_client_that_stops_reading() throws Exception {
        // given: a script from properties, one byte of the body every 50 ms
        simulator.script("p", SimScript.fromProperties(Map.of("s.p.default-answer", "Blue.", "s.p.trickle-ms", "50"),
                "s.p."));
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Favourite colour?\"}]}";

        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", simulator.port())) {
            socket.getOutputStream().write(("POST /p/openai/v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.io.InputStream in = socket.getInputStream();
            // when: the head arrives whole, then the body byte by byte
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            long started = System.nanoTime();
            byte[] first = in.readNBytes(6);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            // then
            assertThat(head.toString()).startsWith("HTTP/1.1 200");
            assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"id\":");
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
            assertThat(simulator.disconnects("p")).isZero();
        }
        // when the client hangs up mid-body, the simulator notices at its next bytes
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> simulator.disconnects("p") == 1);
    }

    @Test
    void should_trickle_a_stream_byte_by_byte_with_its_framing_intact() throws Exception {
        // given: over the admin API
        send(request("/_sim/p/script").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"defaultAnswer\":\"Blue is the colour.\",\"trickleMs\":1}")).build());

        // when
        long started = System.nanoTime();
        HttpResponse<String> response = send(request("/p/ollama/api/chat")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"model":"llama","stream":true,"messages":[{"role":"user","content":"Favourite colour?"}]}"""))
                .build());
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        // then: every line whole, and at least a millisecond per byte
        StringBuilder text = new StringBuilder();
        for (String line : response.body().split("\n")) {
            text.append(json.readTree(line).path("message").path("content").asText());
        }
        assertThat(text).hasToString("Blue is the colour.");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(response.body().length());
        assertThat(simulator.script("p").trickleMs()).isEqualTo(1);
    }

    @Test
    void should_answer_a_scripted_error_body_that_echoes_the_presented_key() throws Exception {
        // given
        simulator.script("p", SimScript.builder().errorRate(1).errorStatus(401)
                .errorBody("{\"error\":{\"message\":\"invalid key {{key}}\"}}").build());
        String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        // when: a bearer token (OpenAI) and an x-api-key (Anthropic)
        HttpResponse<String> bearer = send(request("/p/openai/v1/chat/completions")
                .header("Authorization", "Bearer sk-test-123").POST(HttpRequest.BodyPublishers.ofString(chat)).build());
        HttpResponse<String> header = send(request("/p/anthropic/v1/messages")
                .header("x-api-key", "sk-ant-456").POST(HttpRequest.BodyPublishers.ofString(chat)).build());

        // then
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).isEqualTo("{\"error\":{\"message\":\"invalid key sk-test-123\"}}");
        assertThat(header.body()).contains("invalid key sk-ant-456");
        assertThat(SimScript.fromProperties(Map.of("s.p.error-body", "echo {{key}}"), "s.p.").errorBody())
                .isEqualTo("echo {{key}}");
    }

    private static final String LONG_ANSWER = "The quick brown fox jumps over the lazy dog, twice over and again.";

    /** A raw chat request of {@code format} asking for at most {@code maxTokens} output tokens, as that API spells it. */
    private HttpResponse<String> chatWithLimit(WireFormat format, int maxTokens) throws Exception {
        String base = simulator.baseUrl("cap", format);
        String user = "{\"role\":\"user\",\"content\":\"Tell me about foxes.\"}";
        String path;
        String body;
        switch (format) {
            case OPENAI -> {
                path = base + "/chat/completions";
                body = "{\"model\":\"gpt\",\"max_completion_tokens\":" + maxTokens + ",\"messages\":[" + user + "]}";
            }
            case MISTRAL -> {
                path = base + "/chat/completions";
                body = "{\"model\":\"mistral\",\"max_tokens\":" + maxTokens + ",\"messages\":[" + user + "]}";
            }
            case ANTHROPIC -> {
                path = base + "messages";
                body = "{\"model\":\"claude\",\"max_tokens\":" + maxTokens + ",\"messages\":[" + user + "]}";
            }
            case GEMINI -> {
                path = base + "/models/gemini:generateContent";
                body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Tell me about foxes.\"}]}],"
                        + "\"generationConfig\":{\"maxOutputTokens\":" + maxTokens + "}}";
            }
            default -> {
                path = base + "/api/chat";
                body = "{\"model\":\"llama\",\"stream\":false,\"options\":{\"num_predict\":" + maxTokens
                        + "},\"messages\":[" + user + "]}";
            }
        }
        return send(HttpRequest.newBuilder(URI.create(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void should_stop_at_the_max_output_tokens_with_each_providers_length_finish_reason() throws Exception {
        // given
        simulator.script("cap", SimScript.builder().defaultAnswer(LONG_ANSWER).build());
        String cut = LONG_ANSWER.substring(0, 12);

        for (WireFormat format : WireFormat.values()) {
            // when: at most 3 tokens (the simulator counts one per started four characters)
            JsonNode answer = json.readTree(chatWithLimit(format, 3).body());

            // then: the first 3 tokens of the answer, usage 3, and the provider's own words for a length stop
            switch (format) {
                case OPENAI, MISTRAL -> {
                    assertThat(answer.at("/choices/0/message/content").asText()).as(format.name()).isEqualTo(cut);
                    assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("length");
                    assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(3);
                }
                case ANTHROPIC -> {
                    assertThat(answer.at("/content/0/text").asText()).isEqualTo(cut);
                    assertThat(answer.path("stop_reason").asText()).isEqualTo("max_tokens");
                    assertThat(answer.at("/usage/output_tokens").asInt()).isEqualTo(3);
                }
                case GEMINI -> {
                    assertThat(answer.at("/candidates/0/content/parts/0/text").asText()).isEqualTo(cut);
                    assertThat(answer.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
                    assertThat(answer.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(3);
                }
                case OLLAMA -> {
                    assertThat(answer.at("/message/content").asText()).isEqualTo(cut);
                    assertThat(answer.path("done_reason").asText()).isEqualTo("length");
                    assertThat(answer.path("eval_count").asInt()).isEqualTo(3);
                }
            }
        }
        assertThat(simulator.calls("cap")).extracting(SimCall::maxTokens).containsOnly(3);
        assertThat(simulator.received("cap")).isEqualTo(WireFormat.values().length);
    }

    @Test
    void should_answer_whole_with_a_natural_stop_within_the_limit() throws Exception {
        // given
        simulator.script("cap", SimScript.builder().defaultAnswer(LONG_ANSWER).build());

        // when
        JsonNode answer = json.readTree(chatWithLimit(WireFormat.ANTHROPIC, 1000).body());

        // then
        assertThat(answer.at("/content/0/text").asText()).isEqualTo(LONG_ANSWER);
        assertThat(answer.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(answer.at("/usage/output_tokens").asInt()).isEqualTo(SimScript.tokens(LONG_ANSWER));
    }

    @Test
    void should_report_the_scripted_lying_usage() throws Exception {
        // given
        simulator.script("cap", SimScript.fromProperties(Map.of("s.default-answer", "Fine.",
                "s.reported-input-tokens", "-400000", "s.reported-output-tokens", "-7"), "s."));

        // when
        ChatResponse response = openAi("cap", Duration.ofSeconds(5)).chat(dev.langchain4j.model.chat.request.ChatRequest
                .builder().messages(dev.langchain4j.data.message.UserMessage.from("How are you?")).build());

        // then
        assertThat(response.aiMessage().text()).isEqualTo("Fine.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(-400_000);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(-7);
    }
}
