package dev.quorum.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible API over HTTP: LangChain4j's own OpenAI client, pointed at Quorum's {@code /v1}, gets its
 * answers and usage from the simulated providers behind Quorum, and its errors as OpenAI error bodies.
 */
class OpenAiApiTest extends QuorumTestSupport {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.retry.max-attempts", "1");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private OpenAiChatModel client(String model) {
        return OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .apiKey("not-checked")
                .modelName(model)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void should_answer_an_openai_client_through_the_provider_its_model_names() {
        // given
        simulator().script("mistral-sim", SimScript.builder()
                .rule(Pattern.compile("(?i)largest planet"), "Jupiter is the largest planet.").build());

        // when
        ChatResponse response = client("mistral-sim").chat(ChatRequest.builder()
                .messages(SystemMessage.from("Answer briefly."), UserMessage.from("Which is the largest planet?"))
                .maxOutputTokens(50)
                .build());

        // then
        List<SimCall> calls = simulator().calls("mistral-sim");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).prompt()).isEqualTo("Which is the largest planet?");
        assertThat(calls.get(0).maxTokens()).isEqualTo(50);
        assertThat(response.aiMessage().text()).isEqualTo("Jupiter is the largest planet.");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(calls.get(0).inputTokens()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(calls.get(0).outputTokens()).isPositive();
        assertThat(response.finishReason()).hasToString("STOP");
        assertThat(response.modelName()).isEqualTo("mistral-sim");
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_route_quorum_route_and_return_the_quorum_details() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"quorum/route","messages":[{"role":"user","content":"What is the capital of France?"}],
                 "quorum":{"priority":"cost"}}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("id").asText()).startsWith("chatcmpl-");
        assertThat(body.path("model").asText()).isEqualTo("quorum/route");
        assertThat(body.path("created").asLong()).isPositive();
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("index").asInt()).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode quorum = body.path("quorum");
        String provider = quorum.path("provider").asText();
        assertThat(quorum.path("route").path("strategy").asText()).isEqualTo("cost");
        assertThat(quorum.path("route").path("provider").asText()).isEqualTo(provider);
        SimCall call = simulator().calls(provider).get(0);
        assertThat(choice.path("message").path("content").asText()).isEqualTo(call.answer());
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(call.inputTokens());
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(call.outputTokens());
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(call.inputTokens() + call.outputTokens());
        assertThat(quorum.path("costUsd").isNumber()).isTrue();
        assertThat(quorum.path("responses")).hasSize(1);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(quorum.path("id").asText());
    }

    @Test
    void should_send_a_conversation_as_its_own_messages_not_a_transcript() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"openai-sim","messages":[
                  {"role":"system","content":"Be terse."},
                  {"role":"user","content":"My name is Ada."},
                  {"role":"assistant","content":"Hello Ada."},
                  {"role":"user","content":[{"type":"text","text":"What is my name?"}]}]}""");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        SimCall call = simulator().calls("openai-sim").get(0);
        assertThat(call.prompt()).isEqualTo("What is my name?");
        assertThat(call.request().roles()).containsExactly("system", "user", "assistant", "user");
        assertThat(call.request().messages().get(1).text()).isEqualTo("My name is Ada.");
    }

    @Test
    void should_give_an_openai_client_a_provider_failure_as_an_openai_error() {
        // given
        simulator().script("openai-sim", SimScript.builder().errorRate(1.0).errorStatus(500).build());

        // when / then: the client raises the status; the body is OpenAI's error shape
        assertThatThrownBy(() -> client("openai-sim").chat(UserMessage.from("hello")))
                .hasMessageContaining("provider_error");
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo("provider_error");
        assertThat(error.path("message").asText()).contains("openai-sim").contains("500");
        assertThat(error.has("param")).isTrue();
        assertThat(json(response).path("quorum").path("responses").get(0).path("error").path("providerStatus").asInt())
                .isEqualTo(500);
    }

    @Test
    void should_answer_an_unknown_model_with_404_model_not_found() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"model\":\"gpt-17\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("model_not_found");
        assertThat(error.path("param").asText()).isEqualTo("model");
        assertThat(error.path("message").asText()).contains("gpt-17").contains("/v1/models");
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_refuse_what_quorum_cannot_honour_with_the_parameter_named() {
        // when
        HttpResponse<String> tools = post("/v1/chat/completions", """
                {"model":"openai-sim","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"description":"no name"}}]}""");
        HttpResponse<String> tooHot = post("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"temperature\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> unknown = post("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"frobnicate\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> notJson = post("/v1/chat/completions", "{nope");

        // then
        assertThat(tools.statusCode()).isEqualTo(400);
        assertThat(json(tools).path("error").path("param").asText()).isEqualTo("tools[0].function.name");
        assertThat(tooHot.statusCode()).isEqualTo(400);
        assertThat(json(tooHot).path("error").path("param").asText()).isEqualTo("temperature");
        assertThat(json(tooHot).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("error").path("message").asText())
                .isEqualTo("Unrecognized request argument supplied: frobnicate");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("error").path("message").asText()).contains("not valid JSON");
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_read_openai_bodies_as_strictly_as_quorum_requests_naming_the_parameter() {
        // when
        HttpResponse<String> trailing = post("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} xyz");
        HttpResponse<String> deep = post("/v1/chat/completions", "{\"model\":\"openai-sim\",\"metadata\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> duplicate = post("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"model\":\"quorum/route\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> longUser = post("/v1/chat/completions", "{\"model\":\"openai-sim\",\"user\":\""
                + "u".repeat(201) + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        // then
        assertThat(trailing.statusCode()).as(trailing.body()).isEqualTo(400);
        assertThat(json(trailing).path("error").path("message").asText()).contains("nothing after it");
        assertThat(deep.statusCode()).as(deep.body()).isEqualTo(400);
        assertThat(json(deep).path("error").path("param").asText()).isEqualTo("metadata");
        assertThat(json(deep).path("error").path("message").asText()).contains("deeper than 64 levels");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(400);
        assertThat(json(duplicate).path("error").path("param").asText()).isEqualTo("model");
        assertThat(longUser.statusCode()).as(longUser.body()).isEqualTo(400);
        assertThat(json(longUser).path("error").path("param").asText()).isEqualTo("user");
        assertThat(simulator().calls("openai-sim")).isEmpty();
    }

    @Test
    void should_vote_across_the_panel_for_a_consensus_model() throws Exception {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"quorum/consensus-majority\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}],"
                + "\"quorum\":{\"providers\":[\"openai-sim\",\"gemini-sim\",\"ollama-sim\"]}}");
        String answer = client("quorum/consensus").chat("What is the capital of France?");

        // then: openai-sim and gemini-sim say Paris, ollama-sim says Lyon; the vote is 2 of 3
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = json(response);
        assertThat(reply.path("model").asText()).isEqualTo("quorum/consensus-majority");
        assertThat(reply.path("choices").path(0).path("message").path("content").asText()).startsWith("Paris");
        JsonNode quorum = reply.path("quorum");
        assertThat(quorum.path("mode").asText()).isEqualTo("consensus");
        assertThat(quorum.path("algorithm").asText()).isEqualTo("majority");
        assertThat(quorum.path("agreement").path("ratio").asDouble()).isCloseTo(2.0 / 3, within(0.01));
        assertThat(quorum.path("agreement").path("dissenting")).extracting(JsonNode::asText).containsExactly("ollama-sim");
        assertThat(quorum.path("responses")).hasSize(3);
        assertThat(reply.path("usage").path("prompt_tokens").asInt()).isEqualTo(quorum.path("responses").findValues("inputTokens")
                .stream().mapToInt(JsonNode::asInt).sum());
        assertThat(answer).contains("Paris");
    }

    @Test
    void should_answer_a_cascade_model_from_the_cheap_panel_when_it_agrees() {
        // when
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"quorum/cascade\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode quorum = json(response).path("quorum");
        assertThat(quorum.path("mode").asText()).isEqualTo("cascade");
        assertThat(quorum.path("cascade").path("panel")).isNotEmpty();
        assertThat(quorum.path("cascade").has("escalated")).isTrue();
    }

    @Test
    void should_list_enabled_providers_and_the_quorum_models() {
        // when
        HttpResponse<String> response = get("/v1/models");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id")).contains("openai-sim", "anthropic-sim", "ollama-sim",
                "quorum/route", "quorum/consensus", "quorum/consensus-majority", "quorum/consensus-weighted",
                "quorum/cascade").doesNotContain("openai", "anthropic");
        assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("model");
        assertThat(body.path("data").get(0).has("owned_by")).isTrue();
        HttpResponse<String> one = get("/v1/models/quorum/consensus-majority");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one).path("id").asText()).isEqualTo("quorum/consensus-majority");
        assertThat(json(get("/v1/models/quorum%2Froute?x=1")).path("id").asText()).isEqualTo("quorum/route");
        HttpResponse<String> provider = get("/v1/models/gemini-sim");
        assertThat(json(provider).path("owned_by").asText()).isEqualTo("gemini");
        HttpResponse<String> missing = get("/v1/models/gpt-17");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").path("code").asText()).isEqualTo("model_not_found");
    }
}
