package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consensus over structured answers: a panel asked with tools votes on its members' tool calls by function name and
 * canonical arguments and returns the agreed call, saying who proposed what; a panel asked for JSON votes on
 * canonical JSON, and answers that are not JSON, or miss a required field, do not vote.
 */
class ConsensusChatTest extends QuorumTestSupport {

    private static final String TOOLS = """
            [{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"},
              "unit":{"type":"string"}},"required":["city"]}}]""";

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"majority", "weighted", "semantic"})
    void should_vote_on_tool_calls_by_name_and_canonical_arguments(String algorithm) throws Exception {
        // given: two members call the same tool with the same arguments in another key order, one disagrees
        simulator().script("openai-sim", SimScript.builder().toolCallName("get_weather")
                .toolCallArguments("{\"city\":\"Paris\",\"unit\":\"c\"}").build());
        simulator().script("anthropic-sim", SimScript.builder().toolCallName("get_weather")
                .toolCallArguments("{\"unit\":\"c\",\"city\":\"Paris\"}").build());
        simulator().script("gemini-sim", SimScript.builder().toolCallName("get_weather")
                .toolCallArguments("{\"city\":\"Lyon\",\"unit\":\"c\"}").build());

        // when
        HttpResponse<String> response = post("/api/v1/consensus", """
                {"providers":["openai-sim","anthropic-sim","gemini-sim"],"algorithm":"%s","tools":%s,
                 "messages":[{"role":"user","content":"Weather in Paris, in Celsius?"}]}""".formatted(algorithm, TOOLS));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        JsonNode call = result.path("toolCalls").path(0);
        assertThat(call.path("name").asText()).as(response.body()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("arguments").asText()).path("city").asText()).isEqualTo("Paris");
        JsonNode agreement = result.path("agreement");
        assertThat(agreement.path("agreeing")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openai-sim", "anthropic-sim");
        assertThat(agreement.path("dissenting")).extracting(JsonNode::asText).containsExactly("gemini-sim");
        assertThat(agreement.path("proposals")).hasSize(2);
        assertThat(agreement.path("proposals")).anySatisfy(proposal -> {
            assertThat(proposal.path("providers")).extracting(JsonNode::asText).containsExactly("gemini-sim");
            assertThat(proposal.path("toolCalls").path(0).path("arguments").asText()).contains("Lyon");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"majority", "fusion"})
    void should_vote_on_canonical_json_and_leave_invalid_answers_out(String algorithm) throws Exception {
        // given
        simulator().script("openai-sim", SimScript.builder().jsonAnswer("{\"name\":\"Ada\",\"age\":36}").build());
        simulator().script("anthropic-sim", SimScript.builder().jsonAnswer("{ \"age\": 36, \"name\": \"Ada\" }").build());
        simulator().script("gemini-sim", SimScript.builder().jsonAnswer("Ada, 36").build());
        simulator().script("mistral-sim", SimScript.builder().jsonAnswer("{\"name\":\"Ada\"}").build());

        // when
        HttpResponse<String> response = post("/api/v1/consensus", """
                {"providers":["openai-sim","anthropic-sim","gemini-sim","mistral-sim"],"algorithm":"%s",
                 "prompt":"Extract the person: Ada Lovelace, 36.",
                 "responseFormat":{"type":"json_schema","name":"person","schema":{"type":"object",
                   "properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}}}"""
                .formatted(algorithm));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        JsonNode answer = JSON.readTree(result.path("answer").asText());
        assertThat(answer.path("name").asText()).isEqualTo("Ada");
        assertThat(answer.path("age").asInt()).isEqualTo(36);
        JsonNode agreement = result.path("agreement");
        assertThat(agreement.path("agreeing")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openai-sim", "anthropic-sim");
        assertThat(agreement.path("invalid")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("gemini-sim", "mistral-sim");
        assertThat(agreement.path("ratio").asDouble()).isEqualTo(1.0);
        assertThat(result.path("recommendations").toString()).contains("gemini-sim").contains("missing 'age'");
    }
}
